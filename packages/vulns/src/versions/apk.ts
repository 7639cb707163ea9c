import { compareDigits } from './digits.js';
import type { VersionComparator } from './types.js';

/**
 * Alpine apk versions, `digit{.digit}...{letter}{_suffix{digits}}...{~hash}{-r#}`, ordered as apk-tools'
 * `src/version.c` does (its rules are summarised in https://wiki.alpinelinux.org/wiki/APKBUILD_Reference#pkgver):
 * the version is read as a sequence of typed tokens compared pairwise; a dotted number with a leading zero compares
 * as a string (the Gentoo rule, so `1.01 < 1.1`); suffixes order `_alpha < _beta < _pre < _rc < (none) < _cvs <
 * _svn < _git < _hg < _p`; when one version runs out of equal tokens, the longer one is greater unless its next
 * token is a pre-release suffix, and otherwise the token kinds decide (`1.2.1 > 1.2_p1 > 1.2a > 1.2-r1 > 1.2`).
 */
enum Kind {
  InitialDigit,
  Digit,
  Letter,
  Suffix,
  SuffixNumber,
  CommitHash,
  Revision,
  End,
}

interface Token {
  kind: Kind;
  text: string;
  /** Rank of a suffix; 0 for other tokens. */
  rank: number;
}

const SUFFIX_RANK: Readonly<Record<string, number>> = { alpha: -4, beta: -3, pre: -2, rc: -1, cvs: 1, svn: 2, git: 3, hg: 4, p: 5 };

/** Reads the token that follows a token of kind `prev`; returns undefined where apk would call the version invalid. */
function nextToken(s: string, at: number, prev: Kind): { token: Token; end: number } | undefined {
  const c = s[at];
  if (c === undefined) return { token: { kind: Kind.End, text: '', rank: 0 }, end: at };
  const run = (re: RegExp, from: number): string => {
    re.lastIndex = from;
    return re.exec(s)?.[0] ?? '';
  };
  if (/[a-z]/.test(c)) return prev > Kind.Digit ? undefined : { token: { kind: Kind.Letter, text: c, rank: 0 }, end: at + 1 };
  if (c === '.' || /\d/.test(c)) {
    if (c === '.' && prev > Kind.Digit) return undefined;
    const kind = prev === Kind.InitialDigit || prev === Kind.Digit ? Kind.Digit : prev === Kind.Suffix ? Kind.SuffixNumber : undefined;
    const from = c === '.' ? at + 1 : at;
    const digits = run(/\d*/y, from);
    return kind === undefined || digits === '' ? undefined : { token: { kind, text: digits, rank: 0 }, end: from + digits.length };
  }
  if (c === '_') {
    if (prev > Kind.SuffixNumber) return undefined;
    const name = run(/[a-z]*/y, at + 1);
    const rank = SUFFIX_RANK[name];
    return rank === undefined ? undefined : { token: { kind: Kind.Suffix, text: name, rank }, end: at + 1 + name.length };
  }
  if (c === '~') {
    const hash = run(/[0-9a-f]*/y, at + 1);
    return prev >= Kind.CommitHash || hash === '' ? undefined : { token: { kind: Kind.CommitHash, text: hash, rank: 0 }, end: at + 1 + hash.length };
  }
  if (c === '-' && s[at + 1] === 'r' && prev < Kind.Revision) {
    const digits = run(/\d*/y, at + 2);
    return digits === '' ? undefined : { token: { kind: Kind.Revision, text: digits, rank: 0 }, end: at + 2 + digits.length };
  }
  return undefined;
}

export function tokenizeApk(version: string): Token[] | undefined {
  const first = /^\d+/.exec(version)?.[0];
  if (first === undefined) return undefined;
  const tokens: Token[] = [{ kind: Kind.InitialDigit, text: first, rank: 0 }];
  let at = first.length;
  for (;;) {
    const prev = tokens[tokens.length - 1] as Token;
    const next = nextToken(version, at, prev.kind);
    if (!next) return undefined;
    tokens.push(next.token);
    if (next.token.kind === Kind.End) return tokens;
    at = next.end;
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTokens(a: Token, b: Token): number {
  switch (a.kind) {
    case Kind.Digit:
      if (a.text.startsWith('0') || b.text.startsWith('0')) return compareStrings(a.text, b.text);
      return compareDigits(a.text, b.text);
    case Kind.InitialDigit:
    case Kind.SuffixNumber:
    case Kind.Revision:
      return compareDigits(a.text, b.text);
    case Kind.Suffix:
      return a.rank - b.rank;
    default:
      return compareStrings(a.text, b.text);
  }
}

export function compareApk(a: string, b: string): number {
  const x = tokenizeApk(a);
  const y = tokenizeApk(b);
  if (!x || !y) throw new TypeError(`not an apk version: ${x ? b : a}`);
  let i = 0;
  for (; ; i++) {
    const ta = x[i] as Token;
    const tb = y[i] as Token;
    if (ta.kind !== tb.kind) {
      if (ta.kind === Kind.Suffix && ta.rank < 0) return -1;
      if (tb.kind === Kind.Suffix && tb.rank < 0) return 1;
      return ta.kind > tb.kind ? -1 : 1;
    }
    if (ta.kind === Kind.End) return 0;
    const d = compareTokens(ta, tb);
    if (d !== 0) return d;
  }
}

export const apkComparator: VersionComparator = {
  // Wolfi and Chainguard build apk packages with apk-tools' version rules.
  ecosystems: ['Alpine', 'Wolfi', 'Chainguard'],
  isValid: (version) => tokenizeApk(version) !== undefined,
  compare: compareApk,
};
