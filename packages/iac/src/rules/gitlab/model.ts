import { isMap } from 'yaml';
import { entries, get, items, str, type Entry } from '../../parse/yaml-nodes.js';
import type { YamlFile } from '../../types.js';

/** Top-level keys that configure the pipeline rather than name a job. */
const GLOBAL_KEYS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec', 'pages:deploy']);

/** The pipeline document: a component's jobs follow its `spec:` document; a plain file has one document. */
export function pipeline(file: YamlFile<'gitlab-ci'>): unknown {
  const docs = file.yaml.docs;
  const first = docs[0]?.contents;
  const onlySpec = entries(first).length > 0 && entries(first).every((e) => e.key === 'spec');
  return onlySpec ? docs[1]?.contents : first;
}

export interface GitlabJob {
  name: string;
  entry: Entry;
  node: unknown;
}

export function jobsOf(file: YamlFile<'gitlab-ci'>): GitlabJob[] {
  return entries(pipeline(file))
    .filter((e) => !GLOBAL_KEYS.has(e.key) && isMap(e.value))
    .map((e) => ({ name: e.key, entry: e, node: e.value }));
}

/** Script items of a job (before_script, script, after_script), each a node holding one or more lines. */
export function scriptItems(node: unknown): unknown[] {
  const out: unknown[] = [];
  for (const key of ['before_script', 'script', 'after_script']) {
    const v = get(node, key);
    if (str(v) !== undefined) out.push(v);
    else out.push(...items(v).filter((i) => str(i) !== undefined));
  }
  return out;
}

export const GITLAB_VARIABLES_SECURITY = 'https://docs.gitlab.com/ci/variables/#cicd-variable-security';
export const GITLAB_INCLUDES = 'https://docs.gitlab.com/ci/yaml/includes/';
