import { attr, blocksOf, literalString, literalStrings, resources } from '../../parse/hcl-query.js';
import type { HclBody } from '../../parse/hcl-types.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { ANYWHERE, CIS_AZURE, TF_AZURERM, exposure, portRange } from './refs.js';

function openTo(body: HclBody): string | undefined {
  const s = (name: string): string => (literalString(attr(body, name)?.value) ?? '').toLowerCase();
  if (s('direction') !== 'inbound' || s('access') !== 'allow') return undefined;
  const sources = [s('source_address_prefix'), ...literalStrings(attr(body, 'source_address_prefixes')?.value).map((x) => x.toLowerCase())];
  if (!sources.some((x) => ANYWHERE.has(x))) return undefined;
  const ports = [literalString(attr(body, 'destination_port_range')?.value) ?? '', ...literalStrings(attr(body, 'destination_port_ranges')?.value)];
  return ports.map((p) => portRange(p)).map((r) => (r ? exposure(r[0], r[1]) : undefined)).find((x) => x !== undefined);
}

export const azureOpenNsg = defineRule({
  id: 'tf.azure.open-nsg',
  title: 'Network security rule open to the internet on an admin port',
  severity: 'high',
  cwe: ['CWE-284'],
  references: [CIS_AZURE, `${TF_AZURERM}/network_security_rule`],
  related: { trivy: ['AVD-AZU-0047'], checkov: ['CKV_AZURE_9', 'CKV_AZURE_10'] },
  fix: 'Restrict the source to known ranges, or use Azure Bastion or just-in-time VM access.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'azurerm_network_security_rule')) {
      const what = openTo(r.body);
      if (what !== undefined) out.push({ line: r.line, message: `azurerm_network_security_rule.${r.labels[1] ?? '?'} allows ${what} from the internet.` });
    }
    for (const nsg of resources(file.body, 'azurerm_network_security_group')) {
      for (const rule of blocksOf(nsg.body, 'security_rule')) {
        const what = openTo(rule.body);
        if (what !== undefined) out.push({ line: rule.line, message: `azurerm_network_security_group.${nsg.labels[1] ?? '?'} allows ${what} from the internet.` });
      }
    }
    return out;
  },
});
