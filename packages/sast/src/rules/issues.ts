import type { z } from 'zod';

export type Path = readonly PropertyKey[];

/** `sinks[0].focus`, `cwe[1]`: how a rule author would point at the field. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

export interface Problem {
  path: Path;
  message: string;
  expected: string;
}

/** One zod issue as what is wrong and what would be right; schema.ts words the `expected` parts. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown, known: (path: Path) => string[]): Problem {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return {
      path: [...issue.path, key],
      message: `unknown field "${key}"`,
      expected: `one of ${known(issue.path).join(', ')}`,
    };
  }
  if (!hasPath(data, issue.path)) {
    return { path: issue.path, message: 'missing field', expected: issue.message };
  }
  return { path: issue.path, message: 'invalid value', expected: issue.message };
}

function hasPath(data: unknown, path: Path): boolean {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return false;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur !== undefined && cur !== null;
}
