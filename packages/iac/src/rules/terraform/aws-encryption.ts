import { attr, isLiteralFalse, resources } from '../../parse/hcl-query.js';
import type { HclBlock } from '../../parse/hcl-types.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_AWS, TF_AWS } from './refs.js';

/** Unset or literally false: the provider's default for these flags is unencrypted. */
function unencrypted(r: HclBlock, name: string): { line: number; how: string } | undefined {
  const a = attr(r.body, name);
  if (a === undefined) return { line: r.line, how: `does not set ${name}` };
  return isLiteralFalse(a.value) ? { line: a.line, how: `sets ${name} = false` } : undefined;
}

export const ebsUnencrypted = defineRule({
  id: 'tf.aws.ebs-unencrypted',
  title: 'EBS volume is not encrypted',
  severity: 'medium',
  cwe: ['CWE-311'],
  references: [CIS_AWS, `${TF_AWS}/ebs_volume`, 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
  related: { trivy: ['AVD-AWS-0026'], checkov: ['CKV_AWS_3'] },
  fix: 'Set `encrypted = true` (and a `kms_key_id`), or turn on EBS encryption by default for the account and region.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'aws_ebs_volume')) {
      // A volume from a snapshot takes the snapshot's encryption.
      if (attr(r.body, 'snapshot_id') !== undefined && attr(r.body, 'encrypted') === undefined) continue;
      const u = unencrypted(r, 'encrypted');
      if (u) out.push({ line: u.line, message: `aws_ebs_volume.${r.labels[1] ?? '?'} ${u.how}.` });
    }
    return out;
  },
});

export const rdsUnencrypted = defineRule({
  id: 'tf.aws.rds-unencrypted',
  title: 'RDS storage is not encrypted',
  severity: 'medium',
  cwe: ['CWE-311'],
  references: [CIS_AWS, `${TF_AWS}/db_instance`, 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
  related: { trivy: ['AVD-AWS-0080', 'AVD-AWS-0079'], checkov: ['CKV_AWS_16'] },
  fix: 'Set `storage_encrypted = true` (and a `kms_key_id`).',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'aws_db_instance', 'aws_rds_cluster')) {
      // Replicas, snapshot restores and Aurora cluster members take their encryption from the source.
      if (['replicate_source_db', 'snapshot_identifier', 'cluster_identifier', 'replication_source_identifier'].some((k) => attr(r.body, k) !== undefined) && attr(r.body, 'storage_encrypted') === undefined) continue;
      // Aurora Serverless v1 clusters are always encrypted.
      if (r.labels[0] === 'aws_rds_cluster' && /serverless/.test(JSON.stringify(attr(r.body, 'engine_mode')?.value ?? ''))) continue;
      const u = unencrypted(r, 'storage_encrypted');
      if (u) out.push({ line: u.line, message: `${r.labels[0] ?? ''}.${r.labels[1] ?? '?'} ${u.how}.` });
    }
    return out;
  },
});
