/**
 * A workflow file read into the subset of GitHub Actions syntax the harness runs. Every key outside the subset is
 * a WorkflowUnsupportedError naming it: a workflow the harness cannot run faithfully must not pass by accident.
 */
import { parse } from 'yaml';

export class WorkflowUnsupportedError extends Error {
  override readonly name = 'WorkflowUnsupportedError';
}

export type Scalar = string | number | boolean;

export interface StepDef {
  id?: string;
  name?: string;
  if?: Scalar;
  uses?: string;
  with?: Record<string, Scalar>;
  run?: string;
  shell?: string;
  env?: Record<string, Scalar>;
  continueOnError?: Scalar;
  workingDirectory?: string;
  timeoutMinutes?: number;
}

export interface JobDef {
  id: string;
  name?: string;
  needs: string[];
  if?: Scalar;
  permissions?: Permissions;
  env: Record<string, Scalar>;
  outputs: Record<string, string>;
  steps: StepDef[];
  timeoutMinutes?: number;
}

export type Permissions = 'read-all' | 'write-all' | Record<string, 'read' | 'write' | 'none'>;

export interface TriggerDef {
  branches?: string[];
  types?: string[];
  workflows?: string[];
}

export interface WorkflowDef {
  name?: string;
  on: Record<string, TriggerDef>;
  permissions?: Permissions;
  env: Record<string, Scalar>;
  jobs: JobDef[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function onlyKeys(o: Obj, allowed: readonly string[], where: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new WorkflowUnsupportedError(`${where}.${k} is not supported by the workflow runner`);
}

function scalar(v: unknown, where: string): Scalar {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new WorkflowUnsupportedError(`${where} must be a string, number or boolean`);
}

function scalarMap(v: unknown, where: string): Record<string, Scalar> {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) throw new WorkflowUnsupportedError(`${where} must be a mapping`);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scalar(x, `${where}.${k}`)]));
}

function stringList(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  throw new WorkflowUnsupportedError(`${where} must be a string or a list of strings`);
}

function optString(v: unknown, where: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new WorkflowUnsupportedError(`${where} must be a string`);
  return v;
}

const SCOPES = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses'];

function permissions(v: unknown, where: string): Permissions | undefined {
  if (v === undefined) return undefined;
  if (v === 'read-all' || v === 'write-all') return v;
  if (!isObj(v)) throw new WorkflowUnsupportedError(`${where} must be read-all, write-all or a mapping`);
  const out: Record<string, 'read' | 'write' | 'none'> = {};
  for (const [k, x] of Object.entries(v)) {
    if (!SCOPES.includes(k)) throw new WorkflowUnsupportedError(`${where}.${k} is not a permission scope`);
    if (x !== 'read' && x !== 'write' && x !== 'none') throw new WorkflowUnsupportedError(`${where}.${k} must be read, write or none`);
    out[k] = x;
  }
  return out;
}

const EVENTS = ['push', 'pull_request', 'workflow_run', 'workflow_dispatch'];

function triggers(v: unknown): Record<string, TriggerDef> {
  if (typeof v === 'string' || Array.isArray(v)) return Object.fromEntries(stringList(v, 'on').map((e) => [e, {}]));
  if (!isObj(v)) throw new WorkflowUnsupportedError('on must be an event name, a list or a mapping');
  const out: Record<string, TriggerDef> = {};
  for (const [event, def] of Object.entries(v)) {
    if (!EVENTS.includes(event)) throw new WorkflowUnsupportedError(`on.${event} is not supported by the workflow runner`);
    if (def === null || def === undefined) {
      out[event] = {};
      continue;
    }
    if (!isObj(def)) throw new WorkflowUnsupportedError(`on.${event} must be a mapping`);
    onlyKeys(def, ['branches', 'types', 'workflows'], `on.${event}`);
    out[event] = {
      ...(def.branches !== undefined ? { branches: stringList(def.branches, `on.${event}.branches`) } : {}),
      ...(def.types !== undefined ? { types: stringList(def.types, `on.${event}.types`) } : {}),
      ...(def.workflows !== undefined ? { workflows: stringList(def.workflows, `on.${event}.workflows`) } : {}),
    };
  }
  return out;
}

function step(v: unknown, where: string): StepDef {
  if (!isObj(v)) throw new WorkflowUnsupportedError(`${where} must be a mapping`);
  onlyKeys(v, ['id', 'name', 'if', 'uses', 'with', 'run', 'shell', 'env', 'continue-on-error', 'working-directory', 'timeout-minutes'], where);
  if ((v.uses === undefined) === (v.run === undefined)) throw new WorkflowUnsupportedError(`${where} needs exactly one of uses and run`);
  if (v.shell !== undefined && v.shell !== 'bash') throw new WorkflowUnsupportedError(`${where}.shell: only bash is supported`);
  if (v.uses !== undefined && (v.shell !== undefined || v['working-directory'] !== undefined)) throw new WorkflowUnsupportedError(`${where}: shell and working-directory only go with run`);
  const s: StepDef = {};
  const id = optString(v.id, `${where}.id`);
  if (id !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(id)) throw new WorkflowUnsupportedError(`${where}.id ${JSON.stringify(id)} is not a valid id`);
    s.id = id;
  }
  const name = optString(v.name, `${where}.name`);
  if (name !== undefined) s.name = name;
  if (v.if !== undefined) s.if = scalar(v.if, `${where}.if`);
  const uses = optString(v.uses, `${where}.uses`);
  if (uses !== undefined) s.uses = uses;
  if (v.with !== undefined) s.with = scalarMap(v.with, `${where}.with`);
  const run = optString(v.run, `${where}.run`);
  if (run !== undefined) s.run = run;
  if (v.shell !== undefined) s.shell = 'bash';
  if (v.env !== undefined) s.env = scalarMap(v.env, `${where}.env`);
  if (v['continue-on-error'] !== undefined) s.continueOnError = scalar(v['continue-on-error'], `${where}.continue-on-error`);
  const wd = optString(v['working-directory'], `${where}.working-directory`);
  if (wd !== undefined) s.workingDirectory = wd;
  if (v['timeout-minutes'] !== undefined) s.timeoutMinutes = Number(v['timeout-minutes']);
  return s;
}

function job(id: string, v: unknown): JobDef {
  const where = `jobs.${id}`;
  if (!isObj(v)) throw new WorkflowUnsupportedError(`${where} must be a mapping`);
  onlyKeys(v, ['name', 'runs-on', 'needs', 'if', 'permissions', 'env', 'outputs', 'steps', 'timeout-minutes'], where);
  if (v['runs-on'] !== 'ubuntu-latest' && v['runs-on'] !== 'ubuntu-24.04') throw new WorkflowUnsupportedError(`${where}.runs-on: only ubuntu-latest and ubuntu-24.04 are supported`);
  if (!Array.isArray(v.steps) || v.steps.length === 0) throw new WorkflowUnsupportedError(`${where}.steps must be a non-empty list`);
  const outputs = scalarMap(v.outputs, `${where}.outputs`);
  const j: JobDef = {
    id,
    needs: stringList(v.needs, `${where}.needs`),
    env: scalarMap(v.env, `${where}.env`),
    outputs: Object.fromEntries(Object.entries(outputs).map(([k, x]) => [k, String(x)])),
    steps: v.steps.map((s, i) => step(s, `${where}.steps[${i}]`)),
  };
  const name = optString(v.name, `${where}.name`);
  if (name !== undefined) j.name = name;
  if (v.if !== undefined) j.if = scalar(v.if, `${where}.if`);
  const perms = permissions(v.permissions, `${where}.permissions`);
  if (perms !== undefined) j.permissions = perms;
  if (v['timeout-minutes'] !== undefined) j.timeoutMinutes = Number(v['timeout-minutes']);
  const ids = j.steps.map((s) => s.id).filter((x): x is string => x !== undefined);
  const dup = ids.find((x, i) => ids.indexOf(x) !== i);
  if (dup) throw new WorkflowUnsupportedError(`${where}: step id ${dup} is used twice`);
  return j;
}

/** Jobs in an order where every job comes after the jobs it needs. */
function ordered(jobs: JobDef[]): JobDef[] {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: JobDef[] = [];
  const visit = (j: JobDef) => {
    if (done.has(j.id)) return;
    if (visiting.has(j.id)) throw new WorkflowUnsupportedError(`jobs.${j.id}.needs forms a cycle`);
    visiting.add(j.id);
    for (const n of j.needs) {
      const dep = byId.get(n);
      if (!dep) throw new WorkflowUnsupportedError(`jobs.${j.id}.needs names an unknown job ${n}`);
      visit(dep);
    }
    visiting.delete(j.id);
    done.add(j.id);
    out.push(j);
  };
  jobs.forEach(visit);
  return out;
}

export function parseWorkflow(text: string): WorkflowDef {
  let doc: unknown;
  try {
    doc = parse(text, { logLevel: 'error' });
  } catch (e) {
    throw new WorkflowUnsupportedError(`the workflow is not YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObj(doc)) throw new WorkflowUnsupportedError('a workflow must be a mapping');
  onlyKeys(doc, ['name', 'on', 'permissions', 'env', 'jobs', 'concurrency'], 'workflow');
  if (!isObj(doc.jobs)) throw new WorkflowUnsupportedError('jobs must be a mapping');
  const jobs = Object.entries(doc.jobs).map(([id, v]) => job(id, v));
  const w: WorkflowDef = { on: triggers(doc.on), env: scalarMap(doc.env, 'env'), jobs: ordered(jobs) };
  const name = optString(doc.name, 'name');
  if (name !== undefined) w.name = name;
  const perms = permissions(doc.permissions, 'permissions');
  if (perms !== undefined) w.permissions = perms;
  return w;
}
