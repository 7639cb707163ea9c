import { attr, isLiteralFalse, resources } from '../../parse/hcl-query.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_AWS, TF_AWS } from './refs.js';

export const cloudtrailLoggingOff = defineRule({
  id: 'tf.aws.cloudtrail-logging-off',
  title: 'CloudTrail trail has logging turned off',
  severity: 'medium',
  cwe: ['CWE-778'],
  references: [CIS_AWS, `${TF_AWS}/cloudtrail#enable_logging-1`],
  related: { checkov: ['CKV_AWS_67 (related: multi-region)'], trivy: ['AVD-AWS-0014 (related: multi-region)'] },
  fix: 'Remove `enable_logging = false` (logging is on by default) so API activity is recorded.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'aws_cloudtrail')) {
      // Only an explicit false: the default is on, and a missing trail is not something one file can show.
      const a = attr(r.body, 'enable_logging');
      if (a !== undefined && isLiteralFalse(a.value)) out.push({ line: a.line, message: `aws_cloudtrail.${r.labels[1] ?? '?'} stops recording API activity.` });
    }
    return out;
  },
});

export const s3AccessLoggingOff = defineRule({
  id: 'tf.aws.s3-access-logging-off',
  title: 'S3 bucket logging configuration is disabled',
  severity: 'low',
  cwe: ['CWE-778'],
  references: [CIS_AWS, `${TF_AWS}/s3_bucket_logging`],
  related: { trivy: ['AVD-AWS-0089 (narrower)'], checkov: ['CKV_AWS_18 (narrower)'] },
  fix: 'Point the logging configuration at a log bucket (`target_bucket`) instead of leaving it empty.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    // A bucket without a logging block is not reported: log buckets themselves, and buckets whose logging is set
    // in another file with aws_s3_bucket_logging, would all be false positives. Only a logging block that
    // names no target is certain.
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'aws_s3_bucket_logging')) {
      const t = attr(r.body, 'target_bucket');
      if (t === undefined || (t.value.type === 'string' && t.value.value.trim() === '')) out.push({ line: t?.line ?? r.line, message: `aws_s3_bucket_logging.${r.labels[1] ?? '?'} has no target bucket.` });
    }
    for (const r of resources(file.body, 'aws_s3_bucket')) {
      for (const b of r.body.blocks.filter((x) => x.type === 'logging')) {
        const t = attr(b.body, 'target_bucket');
        if (t === undefined || (t.value.type === 'string' && t.value.value.trim() === '')) out.push({ line: b.line, message: `aws_s3_bucket.${r.labels[1] ?? '?'} has a logging block with no target bucket.` });
      }
    }
    return out;
  },
});
