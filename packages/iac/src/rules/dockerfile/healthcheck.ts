import { stagesOf } from '../../parse/dockerfile.js';
import { defineRule, type RuleMatch } from '../../types.js';
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
    const last = stagesOf(file.instructions).at(-1);
    if (last === undefined || last.image.toLowerCase() === 'scratch') return [];
    // Only the final stage ships. Any HEALTHCHECK counts, NONE included: that is a deliberate choice.
    if (last.instructions.some((i) => i.keyword === 'HEALTHCHECK')) return [];
    return [{ line: last.from.line, message: `The final stage (FROM ${last.image}) declares no HEALTHCHECK.` }];
  },
});
