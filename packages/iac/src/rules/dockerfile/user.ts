import { splitFlags, stagesOf, type DockerStage } from '../../parse/dockerfile.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_DOCKER, DOCKER_BEST_PRACTICES } from './refs.js';

/** The final stage is the image that ships; earlier stages only build. */
function finalStage(instructions: Parameters<typeof stagesOf>[0]): DockerStage | undefined {
  return stagesOf(instructions).at(-1);
}

function userOf(args: string): string {
  return (splitFlags(args).rest.split(/\s+/)[0] ?? '').split(':')[0] ?? '';
}

const ROOT = new Set(['root', '0']);

export const userRoot = defineRule({
  id: 'dockerfile.user-root',
  title: 'Image runs as root',
  severity: 'high',
  cwe: ['CWE-250'],
  references: [DOCKER_BEST_PRACTICES, CIS_DOCKER],
  related: { trivy: ['AVD-DS-0002'], checkov: ['CKV_DOCKER_8'] },
  fix: 'End the final stage with `USER <non-root user>`; switch to root only for the steps that need it.',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    const users = finalStage(file.instructions)?.instructions.filter((i) => i.keyword === 'USER') ?? [];
    const last = users.at(-1);
    if (last === undefined || !ROOT.has(userOf(last.args))) return [];
    return [{ line: last.line, message: `The image's last USER is ${userOf(last.args)}, so its process runs as root.` }];
  },
});

/** Base images that already set a non-root user, so a Dockerfile without USER does not run as root. */
const NON_ROOT_BASE = /(?::|-)nonroot\b|distroless.*:.*nonroot|chainguard\/[^:]*:[^-]*$/i;

export const noUser = defineRule({
  id: 'dockerfile.no-user',
  title: 'Image sets no USER and runs as root',
  severity: 'medium',
  cwe: ['CWE-250'],
  references: [DOCKER_BEST_PRACTICES, CIS_DOCKER],
  related: { trivy: ['AVD-DS-0002'], checkov: ['CKV_DOCKER_3'] },
  fix: 'Create an unprivileged user and add `USER <name>` to the final stage.',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    const stage = finalStage(file.instructions);
    if (stage === undefined || stage.image.toLowerCase() === 'scratch' || NON_ROOT_BASE.test(stage.image)) return [];
    if (stage.instructions.some((i) => i.keyword === 'USER')) return [];
    return [{ line: stage.from.line, message: `The final stage (FROM ${stage.image}) sets no USER, so the container runs as root.` }];
  },
});
