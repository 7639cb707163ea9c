import { entry, get, isFalse, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_K8S, podSpecs, where } from './workloads.js';

export const defaultServiceAccount = defineRule({
  id: 'k8s.default-service-account',
  title: 'Pod mounts the default service account token',
  severity: 'low',
  cwe: ['CWE-284'],
  references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/', CIS_K8S],
  related: { trivy: ['AVD-KSV-0036'], checkov: ['CKV_K8S_38', 'CKV_K8S_41'] },
  fix: 'Give the workload its own service account with only the RBAC it needs, or set `automountServiceAccountToken: false`.',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const pod of podSpecs(file.yaml)) {
      if (isFalse(get(pod.spec, 'automountServiceAccountToken'))) continue;
      const sa = entry(pod.spec, 'serviceAccountName') ?? entry(pod.spec, 'serviceAccount');
      const name = str(sa?.value);
      if (name !== undefined && name !== 'default') continue;
      const at = sa?.keyNode ?? entry(pod.doc, 'kind')?.keyNode;
      out.push({ line: lineOf(file.yaml, at), message: `${where(pod)} runs with the default service account and its token mounted.` });
    }
    return out;
  },
});
