import { getIn, items, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_K8S, PSS, SECURITY_CONTEXT, checkContainers, where } from './workloads.js';

/** Capabilities that amount to, or lead to, root on the node. */
const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'SYS_BOOT', 'NET_RAW']);

function capName(node: unknown): string {
  return (str(node) ?? '').toUpperCase().replace(/^CAP_/, '');
}

export const dangerousCapabilities = defineRule({
  id: 'k8s.dangerous-capabilities',
  title: 'Container adds a dangerous capability',
  severity: 'high',
  cwe: ['CWE-250'],
  references: [PSS, SECURITY_CONTEXT, CIS_K8S],
  related: { trivy: ['AVD-KSV-0005'], checkov: ['CKV_K8S_39', 'CKV_K8S_25', 'CKV_K8S_28'] },
  fix: 'Drop ALL and add back only what the process needs (NET_BIND_SERVICE at most, usually nothing).',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    return checkContainers(file.yaml, (pod, c) =>
      items(getIn(c.node, ['securityContext', 'capabilities', 'add']))
        .filter((cap) => DANGEROUS.has(capName(cap)))
        .map((cap) => ({ line: lineOf(file.yaml, cap), message: `The ${where(pod, c)} adds the ${capName(cap)} capability.` })),
    );
  },
});

export const capabilitiesNotDropped = defineRule({
  id: 'k8s.capabilities-not-dropped',
  title: 'Container does not drop all capabilities',
  severity: 'low',
  cwe: ['CWE-250'],
  references: [PSS, SECURITY_CONTEXT],
  related: { trivy: ['AVD-KSV-0003'], checkov: ['CKV_K8S_37'] },
  fix: 'Set `securityContext.capabilities.drop: ["ALL"]`.',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    return checkContainers(file.yaml, (pod, c) => {
      const drops = items(getIn(c.node, ['securityContext', 'capabilities', 'drop'])).map(capName);
      if (drops.includes('ALL')) return undefined;
      return { line: lineOf(file.yaml, c.node), message: `The ${where(pod, c)} keeps the default capabilities (no drop: [ALL]).` };
    }, { ephemeral: false });
  },
});
