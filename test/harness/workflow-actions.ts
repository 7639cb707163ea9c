/** Resolves a `uses:` of one of this repo's actions to its folder and reads what the runner needs from action.yml. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { WorkflowUnsupportedError } from './workflow-model.js';

export interface LocalAction {
  dir: string;
  main: string;
  post?: string;
  postIf?: string;
  inputs: Record<string, { default?: string; required?: boolean }>;
}

/** The folder of a `uses:` that names one of our actions, or undefined for anything else. */
export function localActionDir(uses: string, root: string, map: Readonly<Record<string, string>>): string | undefined {
  const mapped = map[uses];
  if (mapped) return mapped;
  const m = /^\.\/actions\/([\w-]+)$/.exec(uses) ?? /^[^/@\s]+\/rampart\/actions\/([\w-]+)@[\w.-]+$/.exec(uses);
  return m?.[1] ? resolve(root, 'actions', m[1]) : undefined;
}

export function readLocalAction(dir: string): LocalAction {
  const file = join(dir, 'action.yml');
  if (!existsSync(file)) throw new WorkflowUnsupportedError(`${file} does not exist`);
  const doc = parse(readFileSync(file, 'utf8')) as { runs?: Record<string, unknown>; inputs?: Record<string, { default?: unknown; required?: unknown } | null> };
  const runs = doc.runs ?? {};
  if (runs.using !== 'node20' && runs.using !== 'node24') throw new WorkflowUnsupportedError(`${file}: runs.using ${String(runs.using)} is not supported (node20, node24)`);
  if (runs.pre !== undefined) throw new WorkflowUnsupportedError(`${file}: runs.pre is not supported`);
  if (typeof runs.main !== 'string') throw new WorkflowUnsupportedError(`${file}: runs.main is missing`);
  const main = join(dir, runs.main);
  if (!existsSync(main)) throw new Error(`${main} is missing: build the action first (npx -y pnpm@10 --filter ./actions/<name> build)`);
  const inputs = Object.fromEntries(
    Object.entries(doc.inputs ?? {}).map(([k, v]) => [k, { ...(v?.default !== undefined ? { default: String(v.default) } : {}), required: v?.required === true }]),
  );
  return {
    dir,
    main,
    ...(typeof runs.post === 'string' ? { post: join(dir, runs.post) } : {}),
    ...(typeof runs['post-if'] === 'string' ? { postIf: runs['post-if'] } : {}),
    inputs,
  };
}
