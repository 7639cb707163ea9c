import { get, getIn, lineOf } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_K8S, checkContainers, where } from './workloads.js';

export const resourceLimits = defineRule({
  id: 'k8s.no-resource-limits',
  title: 'Container has no CPU or memory limit',
  severity: 'low',
  cwe: ['CWE-770'],
  references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/', CIS_K8S],
  related: { trivy: ['AVD-KSV-0011', 'AVD-KSV-0018'], checkov: ['CKV_K8S_11', 'CKV_K8S_13'] },
  fix: 'Set `resources.limits.memory` and `resources.limits.cpu` (or a LimitRange in the namespace).',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    return checkContainers(file.yaml, (pod, c) => {
      const limits = getIn(c.node, ['resources', 'limits']);
      const missing = ['cpu', 'memory'].filter((k) => get(limits, k) === undefined);
      if (missing.length === 0) return undefined;
      return { line: lineOf(file.yaml, c.node), message: `The ${where(pod, c)} has no ${missing.join(' or ')} limit.` };
    }, { ephemeral: false });
  },
});
