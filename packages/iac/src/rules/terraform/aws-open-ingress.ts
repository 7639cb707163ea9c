import { attr, blocksOf, literal, literalString, literalStrings, resources } from '../../parse/hcl-query.js';
import type { HclBody } from '../../parse/hcl-types.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { ANYWHERE, CIS_AWS, TF_AWS, exposure } from './refs.js';

function num(body: HclBody, name: string): number | undefined {
  const v = literal(attr(body, name)?.value);
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** What an ingress rule opens to the internet, or undefined. */
function openTo(body: HclBody, cidrs: string[]): string | undefined {
  if (!cidrs.some((c) => ANYWHERE.has(c.toLowerCase()))) return undefined;
  const protocol = (literalString(attr(body, 'protocol')?.value) ?? literalString(attr(body, 'ip_protocol')?.value) ?? '').toLowerCase();
  if (protocol === '-1' || protocol === 'all') return 'every port';
  const from = num(body, 'from_port');
  const to = num(body, 'to_port');
  return from === undefined || to === undefined ? undefined : exposure(from, to);
}

export const awsOpenIngress = defineRule({
  id: 'tf.aws.open-ingress',
  title: 'Security group open to the internet on an admin port',
  severity: 'high',
  cwe: ['CWE-284'],
  references: [CIS_AWS, `${TF_AWS}/security_group`, 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
  related: { trivy: ['AVD-AWS-0107'], checkov: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_277'] },
  fix: 'Allow SSH/RDP only from known ranges (a bastion, a VPN), or use SSM Session Manager instead of open ports.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    const report = (line: number, name: string, what: string | undefined): void => {
      if (what !== undefined) out.push({ line, message: `${name} allows ${what} from anywhere (0.0.0.0/0 or ::/0).` });
    };
    for (const sg of resources(file.body, 'aws_security_group')) {
      for (const rule of blocksOf(sg.body, 'ingress')) {
        const cidrs = [...literalStrings(attr(rule.body, 'cidr_blocks')?.value), ...literalStrings(attr(rule.body, 'ipv6_cidr_blocks')?.value)];
        report(rule.line, `aws_security_group.${sg.labels[1] ?? '?'}`, openTo(rule.body, cidrs));
      }
    }
    for (const r of resources(file.body, 'aws_security_group_rule')) {
      if (literalString(attr(r.body, 'type')?.value) !== 'ingress') continue;
      const cidrs = [...literalStrings(attr(r.body, 'cidr_blocks')?.value), ...literalStrings(attr(r.body, 'ipv6_cidr_blocks')?.value)];
      report(r.line, `aws_security_group_rule.${r.labels[1] ?? '?'}`, openTo(r.body, cidrs));
    }
    for (const r of resources(file.body, 'aws_vpc_security_group_ingress_rule')) {
      const cidrs = [...literalStrings(attr(r.body, 'cidr_ipv4')?.value), ...literalStrings(attr(r.body, 'cidr_ipv6')?.value)];
      report(r.line, `aws_vpc_security_group_ingress_rule.${r.labels[1] ?? '?'}`, openTo(r.body, cidrs));
    }
    return out;
  },
});
