import { entry, get, type Entry } from '../../parse/yaml-nodes.js';
import type { Container, PodSpec } from './workloads.js';

/**
 * A security context field as Kubernetes resolves it: the container's value wins over the pod's. Only the
 * fields that exist at both levels (runAsUser, runAsNonRoot...) fall back to the pod.
 */
export function effective(pod: PodSpec, c: Container, field: string): Entry | undefined {
  return entry(get(c.node, 'securityContext'), field) ?? entry(get(pod.spec, 'securityContext'), field);
}
