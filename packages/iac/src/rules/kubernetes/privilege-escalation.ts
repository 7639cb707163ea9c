import { entry, get, isFalse, lineOf } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_K8S, PSS, SECURITY_CONTEXT, checkContainers, where } from './workloads.js';

export const privilegeEscalation = defineRule({
  id: 'k8s.allow-privilege-escalation',
  title: 'Container allows privilege escalation',
  severity: 'medium',
  cwe: ['CWE-269'],
  references: [PSS, SECURITY_CONTEXT, CIS_K8S],
  related: { trivy: ['AVD-KSV-0001'], checkov: ['CKV_K8S_20'] },
  fix: 'Set `securityContext.allowPrivilegeEscalation: false`.',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    return checkContainers(file.yaml, (pod, c) => {
      const e = entry(get(c.node, 'securityContext'), 'allowPrivilegeEscalation');
      if (e !== undefined && isFalse(e.value)) return undefined;
      const how = e === undefined ? 'does not set allowPrivilegeEscalation: false' : 'sets allowPrivilegeEscalation: true';
      return { line: lineOf(file.yaml, e?.keyNode ?? c.node), message: `The ${where(pod, c)} ${how}, so setuid binaries can gain privileges.` };
    });
  },
});
