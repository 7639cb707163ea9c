import { stagesOf } from '../../parse/dockerfile.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { floatingTag } from '../image-ref.js';
import { DOCKER_BEST_PRACTICES } from './refs.js';

export const fromLatest = defineRule({
  id: 'dockerfile.from-latest',
  title: 'Base image is not pinned to a version',
  severity: 'medium',
  cwe: ['CWE-1357'],
  references: [DOCKER_BEST_PRACTICES, 'https://docs.docker.com/reference/dockerfile/#from'],
  related: { trivy: ['AVD-DS-0001'], checkov: ['CKV_DOCKER_7'] },
  fix: 'Pin the base image to a version tag, or better to a digest (`image:1.2.3@sha256:...`), and update it deliberately.',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    const stages = stagesOf(file.instructions);
    const out: RuleMatch[] = [];
    stages.forEach((stage, index) => {
      const earlier = new Set(stages.slice(0, index).map((s) => s.name).filter((n): n is string => n !== undefined));
      if (earlier.has(stage.image.toLowerCase())) return;
      const floating = floatingTag(stage.image);
      if (floating === undefined) return;
      const what = floating === 'latest' ? 'the latest tag' : 'no tag (which means latest)';
      out.push({ line: stage.from.line, message: `FROM ${stage.image} uses ${what}: the base image changes under the build.` });
    });
    return out;
  },
});
