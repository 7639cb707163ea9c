export interface InlineIgnore {
  ruleId: string;
  reason: string;
}

const MARKER = /rampart-ignore:/gi;
/** Openers of a comment in the languages we scan: C-like, shell/Python/YAML, HTML/XML, SQL/Lua/Haskell. */
const COMMENT_OPENER = /\/\/|#|\/\*|<!--|--/;
/** A line that is only (part of) a comment: it says something about the code below it. */
const COMMENT_ONLY = /^\s*(\/\/|#|\/\*|<!--|--|\*)/;
/** Where a comment's text ends before the end of the line. */
const COMMENT_CLOSE = /\*\/|-->/;
const BODY = /^\s*([^\s,]+(?:\s*,\s*[^\s,]+)*)\s+--(.*)$/s;

/**
 * The ignores in one comment marker's text (what follows `rampart-ignore:`): `<rule>[,<rule>] -- <reason>`.
 * No reason, no suppression: an ignore must say why.
 */
function parseBody(text: string): InlineIgnore[] {
  const body = text.split(COMMENT_CLOSE)[0] ?? '';
  const m = BODY.exec(body);
  if (!m) return [];
  const reason = (m[2] ?? '').trim();
  if (reason === '') return [];
  return (m[1] ?? '').split(',').map((ruleId) => ({ ruleId: ruleId.trim(), reason }));
}

/** The ignores written on one line, when they are inside a comment rather than, say, a string. */
function parseLine(line: string): InlineIgnore[] {
  const starts: number[] = [];
  for (const m of line.matchAll(MARKER)) starts.push(m.index);
  const first = starts[0];
  if (first === undefined) return [];
  const before = line.slice(0, first);
  if (!COMMENT_OPENER.test(before) && !/^\s*\*/.test(before)) return [];
  const out: InlineIgnore[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? line.length;
    out.push(...parseBody(line.slice(start + 'rampart-ignore:'.length, end)));
  });
  return out;
}

function add(map: Map<number, InlineIgnore[]>, line: number, ignores: InlineIgnore[]): void {
  const list = map.get(line);
  if (list) list.push(...ignores);
  else map.set(line, [...ignores]);
}

/** For each line index, the index of the first line at or after it that is not only a comment. */
function nextCodeLines(lines: readonly string[]): Int32Array {
  const next = new Int32Array(lines.length + 1);
  next[lines.length] = lines.length;
  for (let j = lines.length - 1; j >= 0; j--) {
    next[j] = COMMENT_ONLY.test(lines[j] ?? '') ? (next[j + 1] ?? lines.length) : j;
  }
  return next;
}

/**
 * `rampart-ignore: <rule-id> -- <reason>` comments, keyed by the 1-based lines they apply to: the
 * comment's own line, and when the comment stands alone on its line, the next line and also the first
 * line below that is not itself only a comment, so that several ignores can be stacked above one line.
 */
export function parseInlineIgnores(sourceText: string): Map<number, InlineIgnore[]> {
  const map = new Map<number, InlineIgnore[]>();
  // Cheap rejection: almost every file has no marker at all.
  if (!/rampart-ignore:/i.test(sourceText)) return map;
  const lines = sourceText.split(/\r\n|\r|\n/);
  const nextCode = nextCodeLines(lines);
  lines.forEach((line, i) => {
    const ignores = parseLine(line);
    if (ignores.length === 0) return;
    add(map, i + 1, ignores);
    if (!COMMENT_ONLY.test(line) || i + 1 >= lines.length) return;
    add(map, i + 2, ignores);
    const code = nextCode[i + 1] ?? lines.length;
    if (code > i + 1 && code < lines.length) add(map, code + 1, ignores);
  });
  return map;
}
