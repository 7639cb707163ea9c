import { entry, get, getIn, items, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_K8S, PSS, podSpecs, where } from './workloads.js';

export const hostPath = defineRule({
  id: 'k8s.host-path',
  title: 'Pod mounts a host path',
  severity: 'medium',
  cwe: ['CWE-668'],
  references: [PSS, 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath', CIS_K8S],
  related: { trivy: ['AVD-KSV-0023'], checkov: ['CKV_K8S_27 (docker socket)'] },
  fix: 'Use a PersistentVolumeClaim, a ConfigMap or an emptyDir instead of a hostPath volume.',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const pod of podSpecs(file.yaml)) {
      for (const v of items(get(pod.spec, 'volumes'))) {
        const e = entry(v, 'hostPath');
        if (e === undefined) continue;
        const path = str(getIn(v, ['hostPath', 'path'])) ?? '?';
        out.push({ line: lineOf(file.yaml, e.keyNode), message: `${where(pod)} mounts the host path ${path} (volume ${str(get(v, 'name')) ?? '?'}).` });
      }
    }
    return out;
  },
});
