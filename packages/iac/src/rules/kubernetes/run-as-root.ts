import { isFalse, isTrue, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { effective } from './security-context.js';
import { CIS_K8S, PSS, SECURITY_CONTEXT, checkContainers, where } from './workloads.js';

export const runAsRoot = defineRule({
  id: 'k8s.run-as-root',
  title: 'Container is set to run as root',
  severity: 'high',
  cwe: ['CWE-250'],
  references: [PSS, SECURITY_CONTEXT, CIS_K8S],
  related: { trivy: ['AVD-KSV-0105', 'AVD-KSV-0012'], checkov: ['CKV_K8S_23'] },
  fix: 'Set `runAsNonRoot: true` and a non-zero `runAsUser`.',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    return checkContainers(file.yaml, (pod, c) => {
      const user = effective(pod, c, 'runAsUser');
      const nonRoot = effective(pod, c, 'runAsNonRoot');
      if (user !== undefined && str(user.value) === '0') return { line: lineOf(file.yaml, user.keyNode), message: `The ${where(pod, c)} runs as UID 0.` };
      if (nonRoot !== undefined && isFalse(nonRoot.value) && user === undefined) return { line: lineOf(file.yaml, nonRoot.keyNode), message: `The ${where(pod, c)} allows root with runAsNonRoot: false.` };
      return undefined;
    });
  },
});

export const runAsNonRootUnset = defineRule({
  id: 'k8s.run-as-non-root-unset',
  title: 'Container may run as root',
  severity: 'medium',
  // The image may set a non-root USER, which a manifest cannot show.
  confidence: 'medium',
  cwe: ['CWE-250'],
  references: [PSS, SECURITY_CONTEXT],
  related: { trivy: ['AVD-KSV-0012'], checkov: ['CKV_K8S_23'] },
  fix: 'Set `securityContext.runAsNonRoot: true` on the pod or the container (and a non-zero `runAsUser`).',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    return checkContainers(file.yaml, (pod, c) => {
      const user = effective(pod, c, 'runAsUser');
      const nonRoot = effective(pod, c, 'runAsNonRoot');
      const uid = Number(str(user?.value));
      // Explicit root is k8s.run-as-root's; a non-zero UID already keeps the container off root.
      if ((nonRoot !== undefined && (isTrue(nonRoot.value) || isFalse(nonRoot.value))) || (user !== undefined && (uid === 0 || uid > 0))) return undefined;
      return { line: lineOf(file.yaml, c.node), message: `The ${where(pod, c)} sets neither runAsNonRoot: true nor a non-zero runAsUser, so it runs as the image's user, often root.` };
    });
  },
});
