import { isMap, type Document } from 'yaml';
import { get, getIn, items, str } from '../../parse/yaml-nodes.js';
import type { YamlSource } from '../../parse/yaml-source.js';
import type { RuleMatch } from '../../types.js';

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATH: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

export interface Container {
  node: unknown;
  name: string;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  field: string;
}

export interface PodSpec {
  kind: string;
  name: string;
  /** The workload's document node, for a line when the spec lacks a field. */
  doc: unknown;
  spec: unknown;
  containers: Container[];
}

function workloads(doc: unknown): unknown[] {
  // A `kind: List` (kubectl get -o yaml) carries the objects in `items`.
  return str(get(doc, 'kind')) === 'List' ? items(get(doc, 'items')) : [doc];
}

/** Twelve rules ask for the same pod specs of a file: walk the documents once per file. */
const cache = new WeakMap<YamlSource, PodSpec[]>();

/** Every pod spec of a manifest file, from any workload kind, with its containers. */
export function podSpecs(yaml: YamlSource): PodSpec[] {
  const cached = cache.get(yaml);
  if (cached !== undefined) return cached;
  const out: PodSpec[] = [];
  for (const d of yaml.docs as readonly Document.Parsed[]) {
    for (const obj of workloads(d.contents)) {
      const kind = str(get(obj, 'kind')) ?? '';
      const path = POD_SPEC_PATH[kind];
      if (path === undefined || str(get(obj, 'apiVersion')) === undefined) continue;
      const spec = getIn(obj, path);
      if (!isMap(spec)) continue;
      const containers: Container[] = [];
      for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
        for (const c of items(get(spec, field))) containers.push({ node: c, name: str(get(c, 'name')) ?? '(unnamed)', field });
      }
      out.push({ kind, name: str(getIn(obj, ['metadata', 'name'])) ?? '(unnamed)', doc: obj, spec, containers });
    }
  }
  cache.set(yaml, out);
  return out;
}

/**
 * A container rule's check run over every container of every pod spec of the file, collecting what it reports.
 * `ephemeral: false` leaves out ephemeral debug containers, which cannot set the field the rule asks for.
 */
export function checkContainers(
  yaml: YamlSource,
  check: (pod: PodSpec, c: Container) => RuleMatch | RuleMatch[] | undefined,
  opts: { ephemeral?: boolean } = {},
): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const pod of podSpecs(yaml)) {
    for (const c of pod.containers) {
      if (opts.ephemeral === false && c.field === 'ephemeralContainers') continue;
      const found = check(pod, c);
      if (Array.isArray(found)) out.push(...found);
      else if (found !== undefined) out.push(found);
    }
  }
  return out;
}

export function where(pod: PodSpec, c?: Container): string {
  return c === undefined ? `${pod.kind} ${pod.name}` : `container ${c.name} of ${pod.kind} ${pod.name}`;
}

export const PSS = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
export const CIS_K8S = 'https://www.cisecurity.org/benchmark/kubernetes (CIS Kubernetes Benchmark, section 5.2)';
export const SECURITY_CONTEXT = 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/';
