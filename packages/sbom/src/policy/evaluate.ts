import parseSpdx from 'spdx-expression-parse';

export interface LicensePolicy {
  allow: string[];
  deny: string[];
}

/** Best first: what a choice between alternatives (OR) picks, and the reverse of what AND keeps. */
const RANK = { ok: 0, 'not-allowed': 1, denied: 2 } as const;
export type Verdict = keyof typeof RANK;

export interface Evaluation {
  verdict: Verdict;
  /** The ids that make the verdict what it is (denied or not allowed ones), in expression order. */
  offending: string[];
}

/**
 * The GNU licenses' deprecated short ids (`GPL-2.0`, `GPL-2.0+`) mean the `-only` / `-or-later` ones; a policy that
 * denies `GPL-2.0-only` must catch a package still declaring `GPL-2.0`. Ids compare case-insensitively, as the SPDX
 * spec says they do.
 */
export function canonicalId(id: string, plus = false): string {
  const gnu = /^(AGPL|GPL|LGPL)-(\d\.\d)(\+)?$/i.exec(id);
  if (gnu) return `${gnu[1]}-${gnu[2]}-${plus || gnu[3] !== undefined ? 'or-later' : 'only'}`.toLowerCase();
  return id.toLowerCase();
}

function leaf(id: string, plus: boolean, deny: ReadonlySet<string>, allow: ReadonlySet<string>): Evaluation {
  const key = canonicalId(id, plus);
  // A `+` on other licenses (`MPL-1.1+`) is judged by the version named: later ones are not on anyone's list.
  if (deny.has(key)) return { verdict: 'denied', offending: [id] };
  if (allow.size > 0 && !allow.has(key)) return { verdict: 'not-allowed', offending: [id] };
  return { verdict: 'ok', offending: [] };
}

function combine(conjunction: 'and' | 'or', a: Evaluation, b: Evaluation): Evaluation {
  if (conjunction === 'or') {
    // The user may pick either side, so the better one decides; when both are bad, both are named.
    if (RANK[a.verdict] !== RANK[b.verdict]) return RANK[a.verdict] < RANK[b.verdict] ? a : b;
    return { verdict: a.verdict, offending: [...a.offending, ...b.offending] };
  }
  // Both sides apply, so the worse one decides, and every bad id is named.
  const verdict = RANK[a.verdict] >= RANK[b.verdict] ? a.verdict : b.verdict;
  return { verdict, offending: [...a.offending, ...b.offending] };
}

function walk(node: parseSpdx.Info, deny: ReadonlySet<string>, allow: ReadonlySet<string>): Evaluation {
  if ('license' in node) return leaf(node.license, node.plus === true, deny, allow);
  return combine(node.conjunction, walk(node.left, deny, allow), walk(node.right, deny, allow));
}

/**
 * Judges one SPDX expression against the policy; undefined when it does not parse. An exception (`WITH`) does not
 * change the verdict: the policy names licenses, and `GPL-2.0-only WITH Classpath-exception-2.0` is still GPL-2.0-only.
 */
export function evaluateExpression(expression: string, policy: LicensePolicy): Evaluation | undefined {
  let info: parseSpdx.Info;
  try {
    info = parseSpdx(expression);
  } catch {
    return undefined;
  }
  const deny = new Set(policy.deny.map((id) => canonicalId(id)));
  const allow = new Set(policy.allow.map((id) => canonicalId(id)));
  const out = walk(info, deny, allow);
  return { verdict: out.verdict, offending: [...new Set(out.offending)] };
}
