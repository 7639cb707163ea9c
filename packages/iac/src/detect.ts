import type { FileKind } from './types.js';

const DOCKERFILE_NAME = /^(?:dockerfile|containerfile)(?:[.-][\w.-]+)?$/i;
const NOT_DOCKERFILE_EXT = /\.(?:md|txt|json|ya?ml|sh|ps1|bak|orig|swp|dockerignore)$/i;
const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const GITLAB_CI = /(?:^|\/)(?:[^/]*\.)?gitlab-ci\.ya?ml$/;
/** Where projects keep the files their .gitlab-ci.yml includes, by GitLab's own convention. */
const GITLAB_CI_DIR = /(?:^|\/)\.gitlab\/ci\/.+\.ya?ml$/;
const YAML = /\.ya?ml$/i;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A GitLab CI/CD component or template with inputs: a `spec:` document, `---`, then the jobs. */
function isGitlabComponent(text: string): boolean {
  const firstKey = /^(?![#\s-])([^:\s]+):/m.exec(text)?.[1];
  return firstKey === 'spec' && /^---\s*$/m.test(text);
}

function isKubernetes(text: string): boolean {
  return /^\s{0,2}apiVersion:\s*\S/m.test(text) && /^\s{0,2}kind:\s*\S/m.test(text);
}

/**
 * What kind of IaC file `path` (relative, forward slashes) is, from its name and, for YAML whose name says
 * nothing, a glance at its text; undefined for files no rule reads.
 */
export function detectKind(path: string, text: () => string): FileKind | undefined {
  const name = baseName(path);
  if ((DOCKERFILE_NAME.test(name) && !NOT_DOCKERFILE_EXT.test(name)) || /\.(?:dockerfile|containerfile)$/i.test(name)) return 'dockerfile';
  if (/\.tf$/i.test(name)) return 'terraform';
  if (WORKFLOW.test(path)) return 'github-workflow';
  if (/^action\.ya?ml$/.test(name)) return 'github-action';
  if (GITLAB_CI.test(path) || GITLAB_CI_DIR.test(path)) return 'gitlab-ci';
  if (!YAML.test(name)) return undefined;
  const body = text();
  if (isGitlabComponent(body)) return 'gitlab-ci';
  if (isKubernetes(body)) return 'kubernetes';
  return undefined;
}
