import { attr, isLiteralTrue, literalString, resources } from '../../parse/hcl-query.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_AWS, TF_AWS } from './refs.js';

const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);

export const s3PublicAcl = defineRule({
  id: 'tf.aws.s3-public-acl',
  title: 'S3 bucket ACL grants public access',
  severity: 'high',
  cwe: ['CWE-732'],
  references: [CIS_AWS, `${TF_AWS}/s3_bucket_acl`, 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl'],
  related: { trivy: ['AVD-AWS-0092'], checkov: ['CKV_AWS_20', 'CKV_AWS_57'] },
  fix: 'Use the `private` ACL (or disable ACLs with object ownership BucketOwnerEnforced) and serve public content through CloudFront.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'aws_s3_bucket', 'aws_s3_bucket_acl')) {
      const a = attr(r.body, 'acl');
      const acl = literalString(a?.value);
      if (a !== undefined && acl !== undefined && PUBLIC_ACLS.has(acl)) out.push({ line: a.line, message: `${r.labels[0] ?? ''}.${r.labels[1] ?? '?'} uses the ${acl} canned ACL.` });
    }
    return out;
  },
});

const BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

export const s3PublicAccessBlock = defineRule({
  id: 'tf.aws.s3-public-access-block',
  title: 'S3 public access block leaves public access open',
  severity: 'medium',
  cwe: ['CWE-732'],
  references: [CIS_AWS, `${TF_AWS}/s3_bucket_public_access_block`, 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  related: { trivy: ['AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093'], checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'] },
  fix: 'Set all four of block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets to true.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block')) {
      // Unset flags default to false in the provider, so they are as open as an explicit false; a computed
      // value cannot be judged and is left alone.
      const off = BLOCK_FLAGS.filter((f) => {
        const a = attr(r.body, f);
        return a === undefined || (!isLiteralTrue(a.value) && (a.value.type === 'bool' || a.value.type === 'string'));
      });
      if (off.length === 0) continue;
      const first = off.map((f) => attr(r.body, f)).find((a) => a !== undefined);
      out.push({ line: first?.line ?? r.line, message: `${r.labels[0] ?? ''}.${r.labels[1] ?? '?'} does not enable ${off.join(', ')}.` });
    }
    return out;
  },
});
