import { entry, get, isTrue, lineOf } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_K8S, SECURITY_CONTEXT, checkContainers, where } from './workloads.js';

export const readOnlyRoot = defineRule({
  id: 'k8s.writable-root-filesystem',
  title: 'Container root filesystem is writable',
  severity: 'low',
  cwe: ['CWE-732'],
  references: [SECURITY_CONTEXT, CIS_K8S],
  related: { trivy: ['AVD-KSV-0014'], checkov: ['CKV_K8S_22'] },
  fix: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the process must write.',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    return checkContainers(file.yaml, (pod, c) => {
      const e = entry(get(c.node, 'securityContext'), 'readOnlyRootFilesystem');
      if (e !== undefined && isTrue(e.value)) return undefined;
      return { line: lineOf(file.yaml, e?.keyNode ?? c.node), message: `The ${where(pod, c)} can write to its root filesystem.` };
    }, { ephemeral: false });
  },
});
