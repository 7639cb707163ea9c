import { COMPUTED, attr, blocksOf, dataSources, literalString, literalStrings, resources, toData } from '../../parse/hcl-query.js';
import type { HclExpr } from '../../parse/hcl-types.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_AWS, TF_AWS } from './refs.js';

const POLICY_RESOURCES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_s3_bucket_policy', 'aws_iam_role'];

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/** A policy document as data: `jsonencode({...})` or a JSON string (a heredoc); undefined when computed. */
function policyData(e: HclExpr): unknown {
  if (e.type === 'string') {
    try {
      return JSON.parse(e.value) as unknown;
    } catch {
      return undefined;
    }
  }
  const data = toData(e);
  return data === COMPUTED ? undefined : data;
}

/** `Allow` statements whose actions and resources are both `*`. */
function wildcardStatements(doc: unknown): number {
  const statements = list((doc as { Statement?: unknown } | null)?.Statement);
  return statements.filter((s) => {
    const st = s as { Effect?: unknown; Action?: unknown; Resource?: unknown } | null;
    return st?.Effect === 'Allow' && list(st.Action).includes('*') && list(st.Resource).includes('*');
  }).length;
}

export const iamWildcard = defineRule({
  id: 'tf.aws.iam-wildcard',
  title: 'IAM policy allows every action on every resource',
  severity: 'high',
  cwe: ['CWE-269'],
  references: [CIS_AWS, `${TF_AWS}/iam_policy`, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  related: { trivy: ['AVD-AWS-0057'], checkov: ['CKV_AWS_62', 'CKV_AWS_63', 'CKV_AWS_1'] },
  fix: 'List the actions and resources the principal needs; use AWS managed job-function policies or Access Analyzer policy generation.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, ...POLICY_RESOURCES)) {
      // assume_role_policy is a trust policy: its `*` means principals, not permissions.
      for (const a of [attr(r.body, 'policy'), ...blocksOf(r.body, 'inline_policy').map((b) => attr(b.body, 'policy'))]) {
        if (a === undefined) continue;
        const doc = policyData(a.value);
        if (doc !== undefined && wildcardStatements(doc) > 0) out.push({ line: a.line, message: `${r.labels[0] ?? ''}.${r.labels[1] ?? '?'} allows "Action": "*" on "Resource": "*" (administrator access).` });
      }
    }
    for (const d of dataSources(file.body, 'aws_iam_policy_document')) {
      for (const st of blocksOf(d.body, 'statement')) {
        const effect = literalString(attr(st.body, 'effect')?.value) ?? 'Allow';
        if (effect !== 'Allow') continue;
        if (literalStrings(attr(st.body, 'actions')?.value).includes('*') && literalStrings(attr(st.body, 'resources')?.value).includes('*')) {
          out.push({ line: st.line, message: `data.aws_iam_policy_document.${d.labels[1] ?? '?'} has a statement allowing every action on every resource.` });
        }
      }
    }
    return out;
  },
});
