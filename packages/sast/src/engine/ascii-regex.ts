/**
 * ast-grep compiles a rule's regexes again on every `findAll`, once per file, and Rust's Unicode classes
 * (`\w`, `\b`, `\d`, `\s`) make that compile up to 20 times slower than their ASCII forms (measured on the
 * packs: the Python rules' cost per file fell from 15 ms to 9 ms). Rules match code, whose keywords and
 * API names are ASCII, so the ASCII forms are used. Inside a character class the ASCII ranges are
 * written out, since `(?-u:...)` cannot appear there; negated classes inside `[...]` are left alone.
 */
const OUTSIDE = new Set(['b', 'B', 'w', 'W', 'd', 'D', 's', 'S']);
const INSIDE: Record<string, string> = { w: 'a-zA-Z0-9_', d: '0-9', s: '\\t\\n\\x0B\\f\\r ' };

export function asciiRegex(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\' && i + 1 < source.length) {
      const next = source.charAt(i + 1);
      i++;
      if (!inClass && OUTSIDE.has(next)) out += `(?-u:\\${next})`;
      else if (inClass && INSIDE[next] !== undefined) out += INSIDE[next];
      else out += `\\${next}`;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass && !out.endsWith('[') && !out.endsWith('[^')) inClass = false;
    out += c;
  }
  return out;
}

/** The same rule object with every `regex:` value made ASCII (see asciiRegex). */
export function asciiRegexes<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => asciiRegexes(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'regex' && typeof v === 'string' ? asciiRegex(v) : asciiRegexes(v);
    return out as T;
  }
  return value;
}
