import { defineRule, type RuleMatch } from '../../types.js';
import { finalImage, lastInherited } from './final-image.js';
import { CIS_DOCKER } from './refs.js';

export const noHealthcheck = defineRule({
  id: 'dockerfile.no-healthcheck',
  title: 'Image has no HEALTHCHECK',
  severity: 'low',
  cwe: ['CWE-710'],
  references: ['https://docs.docker.com/reference/dockerfile/#healthcheck', CIS_DOCKER],
  related: { trivy: ['AVD-DS-0026'], checkov: ['CKV_DOCKER_2'] },
  fix: 'Add `HEALTHCHECK CMD <probe>` to the final stage (or `HEALTHCHECK NONE` when the orchestrator probes it).',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    const image = finalImage(file.instructions);
    if (image === undefined || image.base.toLowerCase() === 'scratch') return [];
    // Only the final stage and the stages it is built FROM ship. Any HEALTHCHECK counts, NONE included: that is a
    // deliberate choice.
    if (lastInherited(image, 'HEALTHCHECK') !== undefined) return [];
    return [{ line: image.final.from.line, message: `The final stage (FROM ${image.final.image}) declares no HEALTHCHECK.` }];
  },
});
