import { entry, getIn, isTrue, lineOf } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_K8S, PSS, checkContainers, where } from './workloads.js';

export const privileged = defineRule({
  id: 'k8s.privileged',
  title: 'Privileged container',
  severity: 'high',
  cwe: ['CWE-250'],
  references: [PSS, CIS_K8S],
  related: { trivy: ['AVD-KSV-0017'], checkov: ['CKV_K8S_16'] },
  fix: 'Remove `privileged: true`; grant only the capabilities the container needs.',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    return checkContainers(file.yaml, (pod, c) => {
      const e = entry(getIn(c.node, ['securityContext']), 'privileged');
      if (e === undefined || !isTrue(e.value)) return undefined;
      return { line: lineOf(file.yaml, e.keyNode), message: `The ${where(pod, c)} is privileged: it has every capability and the host's devices.` };
    });
  },
});
