import { entries, entry, get, items, lineOf, str, strings, type Entry } from '../../parse/yaml-nodes.js';
import type { YamlSource } from '../../parse/yaml-source.js';
import type { YamlFile } from '../../types.js';

export interface Step {
  node: unknown;
  /** `uses:` value and its entry, for the line. */
  uses?: { value: string; entry: Entry };
  run?: { value: string; entry: Entry };
  with: unknown;
  env: unknown;
  index: number;
}

export interface Job {
  id: string;
  node: unknown;
  keyNode: unknown;
  steps: Step[];
  /** A reusable workflow call: `jobs.<id>.uses`. */
  uses?: { value: string; entry: Entry };
}

function stringEntry(node: unknown, key: string): { value: string; entry: Entry } | undefined {
  const e = entry(node, key);
  const value = str(e?.value);
  return e !== undefined && value !== undefined ? { value, entry: e } : undefined;
}

function stepsOf(node: unknown): Step[] {
  return items(node).map((s, index) => {
    const uses = stringEntry(s, 'uses');
    const run = stringEntry(s, 'run');
    return { node: s, ...(uses ? { uses } : {}), ...(run ? { run } : {}), with: get(s, 'with'), env: get(s, 'env'), index };
  });
}

/** The first document of a workflow or action file: there is only one. */
export function root(yaml: YamlSource): unknown {
  return yaml.docs[0]?.contents;
}

/** Every rule of the pack walks the same jobs: once per file. */
const jobCache = new WeakMap<YamlSource, Job[]>();

export function jobsOf(file: YamlFile<'github-workflow'>): Job[] {
  const cached = jobCache.get(file.yaml);
  if (cached !== undefined) return cached;
  const jobs = entries(get(root(file.yaml), 'jobs')).map((e) => {
    const uses = stringEntry(e.value, 'uses');
    return { id: e.key, node: e.value, keyNode: e.keyNode, steps: stepsOf(get(e.value, 'steps')), ...(uses ? { uses } : {}) };
  });
  jobCache.set(file.yaml, jobs);
  return jobs;
}

/** Steps of a composite action (`runs.using: composite`); other actions have none. */
export function actionSteps(file: YamlFile<'github-action'>): Step[] {
  const runs = get(root(file.yaml), 'runs');
  return str(get(runs, 'using')) === 'composite' ? stepsOf(get(runs, 'steps')) : [];
}

/** Workflow triggers, from every form of `on:` (a name, a list, a mapping). */
export function triggers(file: YamlFile<'github-workflow'>): string[] {
  const on = get(root(file.yaml), 'on');
  const names = strings(on);
  return names.length > 0 ? names : entries(on).map((e) => e.key);
}

/** `owner/repo@ref` of a step: which action and how it is pinned. */
export function parseUses(uses: string): { action: string; ref: string | undefined } {
  const at = uses.lastIndexOf('@');
  return at < 0 ? { action: uses, ref: undefined } : { action: uses.slice(0, at), ref: uses.slice(at + 1) };
}

export function isAction(step: Step, name: string): boolean {
  return step.uses !== undefined && parseUses(step.uses.value).action.toLowerCase() === name;
}

export function usesLine(file: { yaml: YamlSource }, step: Step): number {
  return lineOf(file.yaml, step.uses?.entry.keyNode ?? step.node);
}

export { lineContaining } from '../../parse/yaml-lines.js';

export const HARDENING = 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions';
export const ZIZMOR_AUDITS = 'https://docs.zizmor.sh/audits/';
