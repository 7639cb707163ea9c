import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { YamlSource } from './yaml-source.js';

/** A key of a mapping with its value, as rules walk them. */
export interface Entry {
  key: string;
  keyNode: Node;
  value: unknown;
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function entries(node: unknown): Entry[] {
  const map = asMap(node);
  if (map === undefined) return [];
  const out: Entry[] = [];
  for (const pair of map.items as Pair[]) {
    if (isScalar(pair.key) && pair.key.value !== null && pair.key.value !== undefined) {
      out.push({ key: String(pair.key.value), keyNode: pair.key, value: pair.value });
    }
  }
  return out;
}

export function entry(node: unknown, key: string): Entry | undefined {
  return entries(node).find((e) => e.key === key);
}

export function get(node: unknown, key: string): unknown {
  return entry(node, key)?.value;
}

/** Follows a path of keys through nested mappings. */
export function getIn(node: unknown, keys: readonly string[]): unknown {
  let cur: unknown = node;
  for (const k of keys) {
    cur = get(cur, k);
    if (cur === undefined) return undefined;
  }
  return cur;
}

export function items(node: unknown): unknown[] {
  return isSeq(node) ? [...node.items] : [];
}

/** A scalar's value as text (numbers and booleans too); undefined for anything else or null. */
export function str(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

export function isTrue(node: unknown): boolean {
  return isScalar(node) && (node.value === true || node.value === 'true');
}

export function isFalse(node: unknown): boolean {
  return isScalar(node) && (node.value === false || node.value === 'false');
}

/** 1-based line of a node; `fallback` when the node has no range (a missing key). */
export function lineOf(yaml: YamlSource, node: unknown, fallback = 1): number {
  const range = (node as Node | undefined)?.range;
  return range ? yaml.lineAt(range[0]) : fallback;
}

/** Strings of a scalar or a sequence of scalars (`on: push` and `on: [push]`). */
export function strings(node: unknown): string[] {
  const one = str(node);
  if (one !== undefined) return [one];
  return items(node).map(str).filter((s): s is string => s !== undefined);
}
