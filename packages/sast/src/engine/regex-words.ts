/**
 * Literal text a `regex:` needs in any text it matches, as prefilter clauses (every clause needs one of its
 * words). ast-grep tests a regex against a node's source text, which is part of the file, so a file without
 * the words cannot hold a matching node. Most rules name their APIs through regexes
 * (`^os\.(system|popen[234]?)$`, `^(pickle|dill)\.loads?$`), which is what lets the prefilter skip them.
 *
 * Only sure cases count: a run of literal characters that is not optional, and a group of alternatives
 * each of which needs a word. Flags (`(?i)` and the like), unknown escapes and anything else this small reader
 * does not know make it give up on the whole regex, which then adds no clause, so the rule still runs.
 */
export type Clauses = string[][];

const MIN_WORD = 2;
/** Escapes of characters that stand for themselves. */
const LITERAL_ESCAPES = new Set([...'.\\/-()[]{}|?*+^$#&~ \'"`!@%=:<>,;_']);
/** Escapes of classes and assertions: they match something, but no literal we could require. */
const CLASS_ESCAPES = new Set([...'bBwWdDsSAz']);
const QUANTIFIER = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/;

class GiveUp extends Error {}

/** One alternative: a sequence of atoms, read up to `|`, `)` or the end. */
interface Reader {
  src: string;
  at: number;
}

/** Whether the quantifier at the reader (if any) lets the atom before it occur zero times; consumes it. */
function optionalAtom(r: Reader): boolean {
  const m = QUANTIFIER.exec(r.src.slice(r.at));
  if (m === null) return false;
  r.at += m[0].length;
  const q = m[0].replace(/\?$/, '') || m[0];
  if (q === '?' || q === '*') return true;
  if (q === '+') return false;
  return /^\{0[,}]/.test(q);
}

/** The clauses of one alternative; a quantified atom is required once at most, and ends the literal run. */
function sequence(r: Reader): Clauses {
  const out: Clauses = [];
  let run = '';
  const flush = (): void => {
    if (run.length >= MIN_WORD) out.push([run]);
    run = '';
  };
  while (r.at < r.src.length) {
    const c = r.src.charAt(r.at);
    if (c === '|' || c === ')') break;
    if (c === '(') {
      flush();
      r.at++;
      if (r.src.startsWith('?:', r.at)) r.at += 2;
      else if (r.src.charAt(r.at) === '?') throw new GiveUp();
      const inner = alternation(r);
      if (r.src.charAt(r.at) !== ')') throw new GiveUp();
      r.at++;
      if (!optionalAtom(r)) out.push(...inner);
      continue;
    }
    if (c === '[') {
      flush();
      skipClass(r);
      optionalAtom(r);
      continue;
    }
    let literal: string | undefined;
    if (c === '\\') {
      const e = r.src.charAt(r.at + 1);
      r.at += 2;
      if (LITERAL_ESCAPES.has(e)) literal = e;
      else if (!CLASS_ESCAPES.has(e)) throw new GiveUp();
    } else {
      r.at++;
      if (c === '{' || c === '}' || c === '?' || c === '*' || c === '+') throw new GiveUp();
      if (c !== '.' && c !== '^' && c !== '$') literal = c;
    }
    const before = r.at;
    const optional = optionalAtom(r);
    const quantified = r.at !== before;
    if (literal === undefined || optional) flush();
    else {
      run += literal;
      if (quantified) flush();
    }
  }
  flush();
  return out;
}

function skipClass(r: Reader): void {
  r.at++;
  if (r.src.charAt(r.at) === '^') r.at++;
  // A `]` first in a class is a literal.
  if (r.src.charAt(r.at) === ']') r.at++;
  while (r.at < r.src.length && r.src.charAt(r.at) !== ']') {
    if (r.src.charAt(r.at) === '[') throw new GiveUp();
    r.at += r.src.charAt(r.at) === '\\' ? 2 : 1;
  }
  if (r.at >= r.src.length) throw new GiveUp();
  r.at++;
}

/** Alternatives separated by `|`: one clause of words, one taken from each alternative, if every one has some. */
function alternation(r: Reader): Clauses {
  const branches: Clauses[] = [sequence(r)];
  while (r.src.charAt(r.at) === '|') {
    r.at++;
    branches.push(sequence(r));
  }
  if (branches.length === 1) return branches[0] ?? [];
  const words: string[] = [];
  for (const clauses of branches) {
    // The most selective clause of the branch: its longest single word.
    const best = clauses.filter((c) => c.length === 1).sort((a, b) => (b[0]?.length ?? 0) - (a[0]?.length ?? 0))[0] ?? clauses[0];
    if (best === undefined) return [];
    words.push(...best);
  }
  return [[...new Set(words)]];
}

export function regexWords(regex: string): Clauses {
  const r: Reader = { src: regex, at: 0 };
  try {
    const out = alternation(r);
    return r.at === regex.length ? out : [];
  } catch (e) {
    if (e instanceof GiveUp) return [];
    throw e;
  }
}
