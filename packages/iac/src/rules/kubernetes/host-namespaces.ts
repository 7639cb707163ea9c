import { entry, isTrue, lineOf } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_K8S, PSS, podSpecs, where } from './workloads.js';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const hostNamespaces = defineRule({
  id: 'k8s.host-namespaces',
  title: "Pod shares the host's network, PID or IPC namespace",
  severity: 'high',
  cwe: ['CWE-668'],
  references: [PSS, CIS_K8S],
  related: { trivy: ['AVD-KSV-0008', 'AVD-KSV-0009', 'AVD-KSV-0010'], checkov: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'] },
  fix: 'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false).',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const pod of podSpecs(file.yaml)) {
      for (const field of FIELDS) {
        const e = entry(pod.spec, field);
        if (e !== undefined && isTrue(e.value)) out.push({ line: lineOf(file.yaml, e.keyNode), message: `${where(pod)} sets ${field}: true.` });
      }
    }
    return out;
  },
});
