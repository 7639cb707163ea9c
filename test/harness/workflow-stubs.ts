/**
 * Stand-ins for the third-party actions the example workflows use. Each checks its inputs like the real action
 * (an unknown input is an error here, a typo should not pass) and does the part a test can observe: artifacts go
 * into an in-memory store of the run and, at the end, into the fake GitHub's Actions API.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildZip } from '../../packages/core/src/archive/zip-writer.js';
import { unzip } from './fake-artifacts.js';
import { WorkflowUnsupportedError } from './workflow-model.js';

/** The fake GitHub's Actions seeding API (test/harness/fake-github-actions.ts), typed structurally. */
export interface WorkflowRunStore {
  addWorkflowRun(r: { owner: string; repo: string; workflowFile: string; branch: string; event: string; conclusion: 'success' | 'failure'; headSha: string; id?: number; createdAt?: string }): { id: number };
  addRunArtifact(a: { owner: string; repo: string; runId: number; name: string; zip: Buffer; expired?: boolean }): { id: number };
  runArtifacts?: readonly { runId: number; name: string; zip: Buffer; expired?: boolean }[];
}

export interface UploadedArtifact {
  name: string;
  /** Paths inside the zip. */
  files: string[];
  zip: Buffer;
}

export interface StubContext {
  inputs: Record<string, string>;
  workspace: string;
  /** Artifacts uploaded earlier in this workflow run. */
  artifacts: Map<string, UploadedArtifact>;
  store: WorkflowRunStore | undefined;
  log: (line: string) => void;
}

export interface StubAction {
  inputs: string[];
  run(ctx: StubContext): void;
}

function globSegment(seg: string): RegExp {
  const re = seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Files a path pattern names (a file, a directory, or a glob with * ? **) and the directory it is rooted at. */
export function searchPath(workspace: string, pattern: string): { root: string; files: string[] } {
  const abs = resolve(workspace, pattern);
  const segments = abs.split(sep);
  const firstGlob = segments.findIndex((s) => /[*?[]/.test(s));
  if (firstGlob < 0) {
    if (!existsSync(abs)) return { root: dirname(abs), files: [] };
    return statSync(abs).isDirectory() ? { root: abs, files: walk(abs) } : { root: dirname(abs), files: [abs] };
  }
  const root = segments.slice(0, firstGlob).join(sep) || sep;
  const rest = segments.slice(firstGlob);
  const matches = (rel: string[]): boolean => {
    const m = (i: number, j: number): boolean => {
      if (i === rest.length) return j === rel.length;
      if (rest[i] === '**') return m(i + 1, j) || (j < rel.length && m(i, j + 1));
      return j < rel.length && globSegment(rest[i] ?? '').test(rel[j] ?? '') && m(i + 1, j + 1);
    };
    return m(0, 0);
  };
  const files = existsSync(root) ? walk(root).filter((f) => matches(relative(root, f).split(sep))) : [];
  return { root, files };
}

function commonDir(dirs: string[]): string {
  const split = dirs.map((d) => d.split(sep));
  const first = split[0] ?? [];
  let n = first.length;
  for (const s of split) {
    let i = 0;
    while (i < n && s[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

function bool(v: string | undefined, fallback: boolean): boolean {
  return v === undefined || v === '' ? fallback : v === 'true';
}

const uploadArtifact: StubAction = {
  inputs: ['name', 'path', 'if-no-files-found', 'retention-days', 'compression-level', 'overwrite', 'include-hidden-files'],
  run({ inputs, workspace, artifacts, log }) {
    const name = inputs.name || 'artifact';
    const patterns = (inputs.path ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
    if (patterns.length === 0) throw new Error('upload-artifact: input path is required');
    const include = patterns.filter((p) => !p.startsWith('!')).map((p) => searchPath(workspace, p));
    const exclude = new Set(patterns.filter((p) => p.startsWith('!')).flatMap((p) => searchPath(workspace, p.slice(1)).files));
    const hidden = bool(inputs['include-hidden-files'], false);
    const root = commonDir(include.map((s) => s.root));
    const files = [...new Set(include.flatMap((s) => s.files))]
      .filter((f) => !exclude.has(f))
      .map((f) => relative(root, f))
      .filter((rel) => hidden || !rel.split(sep).some((s) => s.startsWith('.')))
      .sort();
    if (files.length === 0) {
      const mode = inputs['if-no-files-found'] || 'warn';
      if (mode === 'error') throw new Error(`upload-artifact: no files were found with the provided path: ${patterns.join(', ')}`);
      if (mode === 'warn') log(`::warning::No files were found with the provided path: ${patterns.join(', ')}. No artifacts will be uploaded.`);
      return;
    }
    if (artifacts.has(name) && !bool(inputs.overwrite, false)) throw new Error(`upload-artifact: an artifact named ${name} already exists in this run`);
    const zip = buildZip(files.map((rel) => ({ name: rel.split(sep).join('/'), data: readFileSync(join(root, rel)) })));
    artifacts.set(name, { name, files: files.map((f) => f.split(sep).join('/')), zip });
    log(`Uploaded artifact ${name} with ${files.length} files`);
  },
};

function extract(zip: Buffer, into: string): number {
  const entries = [...unzip(zip)].filter(([name]) => !name.endsWith('/'));
  // The artifact may come from a fork's run: every entry is checked before anything is written.
  for (const [name] of entries) {
    const target = resolve(into, name);
    if (isAbsolute(name) || (target !== into && !target.startsWith(into + sep))) throw new Error(`download-artifact: entry ${JSON.stringify(name)} escapes ${into}`);
  }
  for (const [name, data] of entries) {
    const target = resolve(into, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  return entries.length;
}

const downloadArtifact: StubAction = {
  inputs: ['name', 'path', 'run-id', 'github-token', 'repository', 'pattern', 'merge-multiple'],
  run({ inputs, workspace, artifacts, store, log }) {
    if (!inputs.name) throw new WorkflowUnsupportedError('download-artifact: the runner needs a name input');
    const into = resolve(workspace, inputs.path || '.');
    let zip: Buffer | undefined;
    if (inputs['run-id']) {
      if (!inputs['github-token']) throw new Error('download-artifact: run-id needs github-token');
      const runId = Number(inputs['run-id']);
      zip = store?.runArtifacts?.find((a) => a.runId === runId && a.name === inputs.name && !a.expired)?.zip;
    } else {
      zip = artifacts.get(inputs.name)?.zip;
    }
    if (!zip) throw new Error(`download-artifact: Artifact not found for name: ${inputs.name}`);
    mkdirSync(into, { recursive: true });
    log(`Downloaded artifact ${inputs.name}: ${extract(zip, into)} files into ${into}`);
  },
};

const checkout: StubAction = {
  inputs: ['repository', 'ref', 'token', 'ssh-key', 'persist-credentials', 'path', 'clean', 'fetch-depth', 'fetch-tags', 'lfs', 'submodules', 'sparse-checkout', 'filter', 'show-progress', 'set-safe-directory'],
  run: () => undefined,
};

const setupNode: StubAction = {
  inputs: ['node-version', 'node-version-file', 'cache', 'cache-dependency-path', 'registry-url', 'check-latest', 'architecture', 'token', 'always-auth', 'scope'],
  run: () => undefined,
};

const STUBS: Record<string, StubAction> = {
  'actions/checkout': checkout,
  'actions/setup-node': setupNode,
  'actions/upload-artifact': uploadArtifact,
  'actions/download-artifact': downloadArtifact,
};

/** The stub for a third-party `uses:` (any tag or a full commit SHA), or undefined when there is none. */
export function stubFor(uses: string): StubAction | undefined {
  const m = /^([\w.-]+\/[\w.-]+)@(v\d+(?:\.\d+){0,2}|[0-9a-f]{40})$/.exec(uses);
  return m?.[1] ? STUBS[m[1]] : undefined;
}
