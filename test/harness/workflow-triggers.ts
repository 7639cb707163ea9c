/** Whether an event would start a workflow: its `on:` filters (branches, activity types, triggering workflows). */
import type { TriggerDef, WorkflowDef } from './workflow-model.js';

function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '.';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function branchMatches(patterns: readonly string[] | undefined, branch: string | undefined): boolean {
  if (!patterns) return true;
  if (branch === undefined) return false;
  let ok = false;
  // Later patterns win; a leading ! excludes, as in GitHub's filter syntax.
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (globRegExp(p.slice(1)).test(branch)) ok = false;
    } else if (globRegExp(p).test(branch)) ok = true;
  }
  return ok;
}

const DEFAULT_TYPES: Record<string, string[]> = {
  pull_request: ['opened', 'synchronize', 'reopened'],
  workflow_run: ['requested', 'completed'],
};

function typeMatches(t: TriggerDef, event: string, action: unknown): boolean {
  const types = t.types ?? DEFAULT_TYPES[event];
  if (!types) return true;
  return typeof action === 'string' && types.includes(action);
}

type Payload = Record<string, unknown>;
const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((x, k) => (x !== null && typeof x === 'object' ? (x as Payload)[k] : undefined), o);

/** Why the event does not start the workflow, or undefined when it does. */
export function triggerMismatch(w: WorkflowDef, event: string, payload: Payload, ref: string): string | undefined {
  const t = w.on[event];
  if (!t) return `the workflow has no on.${event} trigger (it has ${Object.keys(w.on).join(', ')})`;
  if (event === 'push') {
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
    if (!branchMatches(t.branches, branch)) return `push to ${ref} does not match on.push.branches`;
  }
  if (event === 'pull_request') {
    const base = get(payload, 'pull_request', 'base', 'ref');
    if (!branchMatches(t.branches, typeof base === 'string' ? base : undefined)) return `pull request into ${String(base)} does not match on.pull_request.branches`;
  }
  if (event === 'workflow_run') {
    const name = get(payload, 'workflow_run', 'name') ?? get(payload, 'workflow', 'name');
    if (typeof name !== 'string') throw new Error('workflow-runner: a workflow_run payload needs workflow_run.name (the triggering workflow)');
    if (t.workflows && !t.workflows.includes(name)) return `workflow_run of ${name} does not match on.workflow_run.workflows`;
  }
  if (!typeMatches(t, event, payload.action)) return `activity type ${String(payload.action)} does not match on.${event}.types`;
  return undefined;
}
