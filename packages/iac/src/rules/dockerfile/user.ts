import { splitFlags } from '../../parse/dockerfile.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { finalImage, lastInherited } from './final-image.js';
import { CIS_DOCKER, DOCKER_BEST_PRACTICES } from './refs.js';

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
    // Earlier stages only build; the shipped image takes the last USER of its final stage or the stages it is FROM.
    const image = finalImage(file.instructions);
    const last = image === undefined ? undefined : lastInherited(image, 'USER');
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
    const image = finalImage(file.instructions);
    if (image === undefined || image.base.toLowerCase() === 'scratch' || NON_ROOT_BASE.test(image.base)) return [];
    if (lastInherited(image, 'USER') !== undefined) return [];
    const stage = image.final;
    return [{ line: stage.from.line, message: `The final stage (FROM ${stage.image}) sets no USER, so the container runs as root.` }];
  },
});
