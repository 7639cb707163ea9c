import { attr, blocksOf, literalString, literalStrings, resources } from '../../parse/hcl-query.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { ANYWHERE, CIS_GCP, TF_GOOGLE, exposure, portRange } from './refs.js';

export const gcpOpenFirewall = defineRule({
  id: 'tf.gcp.open-firewall',
  title: 'Firewall rule open to the internet on an admin port',
  severity: 'high',
  cwe: ['CWE-284'],
  references: [CIS_GCP, `${TF_GOOGLE}/compute_firewall`],
  related: { trivy: ['AVD-GCP-0027'], checkov: ['CKV_GCP_2', 'CKV_GCP_3'] },
  fix: 'Restrict `source_ranges` to known ranges, or use Identity-Aware Proxy TCP forwarding (35.235.240.0/20).',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const fw of resources(file.body, 'google_compute_firewall')) {
      const direction = (literalString(attr(fw.body, 'direction')?.value) ?? 'INGRESS').toUpperCase();
      const sources = literalStrings(attr(fw.body, 'source_ranges')?.value);
      if (direction !== 'INGRESS' || !sources.some((s) => ANYWHERE.has(s))) continue;
      for (const allow of blocksOf(fw.body, 'allow')) {
        const protocol = (literalString(attr(allow.body, 'protocol')?.value) ?? '').toLowerCase();
        const portsAttr = attr(allow.body, 'ports');
        const ranges = portsAttr === undefined ? [[0, 65535] as [number, number]] : literalStrings(portsAttr.value).map(portRange);
        const hits = protocol === 'all' ? ['every port'] : protocol === 'tcp' || protocol === 'udp' ? ranges.map((r) => (r ? exposure(r[0], r[1]) : undefined)) : [];
        const what = hits.find((h) => h !== undefined);
        if (what !== undefined) out.push({ line: allow.line, message: `google_compute_firewall.${fw.labels[1] ?? '?'} allows ${what} from anywhere.` });
      }
    }
    return out;
  },
});
