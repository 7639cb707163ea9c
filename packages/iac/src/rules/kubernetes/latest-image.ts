import { entry, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { floatingTag } from '../image-ref.js';
import { checkContainers, where } from './workloads.js';

export const latestImage = defineRule({
  id: 'k8s.latest-image',
  title: 'Container image is not pinned to a version',
  severity: 'medium',
  cwe: ['CWE-1357'],
  references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names', 'https://kubernetes.io/docs/concepts/configuration/overview/#container-images'],
  related: { trivy: ['AVD-KSV-0013'], checkov: ['CKV_K8S_14', 'CKV_K8S_43'] },
  fix: 'Use a version tag, or better a digest (`image@sha256:...`).',
  kinds: ['kubernetes'],
  check(file): RuleMatch[] {
    return checkContainers(file.yaml, (pod, c) => {
      const e = entry(c.node, 'image');
      const image = str(e?.value);
      if (e === undefined || image === undefined) return undefined;
      const floating = floatingTag(image);
      if (floating === undefined) return undefined;
      return { line: lineOf(file.yaml, e.keyNode), message: `The ${where(pod, c)} uses ${image} (${floating === 'latest' ? 'the latest tag' : 'no tag, which means latest'}).` };
    });
  },
});
