import { attr, isLiteralTrue, literalString, literalStrings, resources } from '../../parse/hcl-query.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_GCP, TF_GOOGLE } from './refs.js';

export const gcpUniformAccess = defineRule({
  id: 'tf.gcp.bucket-uniform-access',
  title: 'Bucket does not use uniform bucket-level access',
  severity: 'low',
  cwe: ['CWE-732'],
  references: [CIS_GCP, `${TF_GOOGLE}/storage_bucket#uniform_bucket_level_access`, 'https://cloud.google.com/storage/docs/uniform-bucket-level-access'],
  related: { trivy: ['AVD-GCP-0002'], checkov: ['CKV_GCP_29'] },
  fix: 'Set `uniform_bucket_level_access = true` so IAM alone decides who reads the bucket.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'google_storage_bucket')) {
      const a = attr(r.body, 'uniform_bucket_level_access');
      if (a !== undefined && (isLiteralTrue(a.value) || a.value.type === 'raw')) continue;
      out.push({ line: a?.line ?? r.line, message: `google_storage_bucket.${r.labels[1] ?? '?'} keeps per-object ACLs (uniform_bucket_level_access is not true).` });
    }
    return out;
  },
});

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

export const gcpPublicBucket = defineRule({
  id: 'tf.gcp.bucket-public-member',
  title: 'Bucket IAM grants access to allUsers',
  severity: 'high',
  cwe: ['CWE-732'],
  references: [CIS_GCP, `${TF_GOOGLE}/storage_bucket_iam`, 'https://cloud.google.com/storage/docs/access-control/making-data-public'],
  related: { trivy: ['AVD-GCP-0001'], checkov: ['CKV_GCP_28'] },
  fix: 'Grant roles to specific principals; serve public content through a load balancer or signed URLs.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding', 'google_storage_bucket_access_control', 'google_storage_default_object_access_control')) {
      for (const name of ['member', 'members', 'entity']) {
        const a = attr(r.body, name);
        const hit = literalStrings(a?.value).find((m) => PUBLIC_MEMBERS.has(m));
        if (a !== undefined && hit !== undefined) out.push({ line: a.line, message: `${r.labels[0] ?? ''}.${r.labels[1] ?? '?'} grants ${literalString(attr(r.body, 'role')?.value) ?? 'access'} to ${hit}.` });
      }
    }
    return out;
  },
});
