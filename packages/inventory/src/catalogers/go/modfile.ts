import { UserError } from '@rampart/core';

/** One `require` line of go.mod. */
export interface GoRequire {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
}

/** One `replace` line: `old [version] => new [version]`; a `new` without version is a local directory. */
export interface GoReplace {
  oldPath: string;
  oldVersion?: string;
  newPath: string;
  newVersion?: string;
}

export interface GoModFile {
  module?: string;
  requires: GoRequire[];
  replaces: GoReplace[];
}

const EXPECTED = 'a go.mod file (module, go, require, replace, exclude ... directives)';
// Every directive the go command accepts (https://go.dev/ref/mod#go-mod-file-grammar); anything else is an error there too.
const DIRECTIVES = new Set(['module', 'go', 'toolchain', 'godebug', 'require', 'replace', 'exclude', 'retract', 'tool', 'ignore']);

interface Line {
  tokens: string[];
  comment: string;
  line: number;
}

/** Splits one line into tokens (bare words, "interpreted" and `raw` strings) and its `//` comment. */
function tokenize(file: string, text: string, line: number): Line {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
    } else if (text.startsWith('//', i)) {
      return { tokens, comment: text.slice(i + 2).trim(), line };
    } else if (ch === '"' || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) throw new UserError('has an unterminated string', { file, line, expected: EXPECTED });
      tokens.push(text.slice(i + 1, end).replace(/\\(.)/g, '$1'));
      i = end + 1;
    } else {
      const m = /^[^\s"`]+/.exec(text.slice(i));
      const word = (m?.[0] ?? ch).split('//')[0] ?? ch;
      tokens.push(word);
      i += word.length;
    }
  }
  return { tokens, comment: '', line };
}

function parseRequire(file: string, l: Line): GoRequire {
  const [path, version, extra] = l.tokens;
  if (!path || !version || extra !== undefined) {
    throw new UserError('is not "module/path version"', { file, line: l.line, field: 'require', expected: 'require <module path> <version>' });
  }
  // `// indirect` may be followed by other notes after a `;`.
  return { path, version, indirect: /^indirect(\s*;|$)/.test(l.comment), line: l.line };
}

function parseReplace(file: string, l: Line): GoReplace {
  const arrow = l.tokens.indexOf('=>');
  const left = l.tokens.slice(0, arrow);
  const right = l.tokens.slice(arrow + 1);
  if (arrow < 1 || left.length > 2 || right.length < 1 || right.length > 2) {
    throw new UserError('is not "old [version] => new [version]"', { file, line: l.line, field: 'replace', expected: EXPECTED });
  }
  return {
    oldPath: left[0] ?? '',
    ...(left[1] !== undefined ? { oldVersion: left[1] } : {}),
    newPath: right[0] ?? '',
    ...(right[1] !== undefined ? { newVersion: right[1] } : {}),
  };
}

function apply(file: string, verb: string, l: Line, out: GoModFile): void {
  if (verb === 'module') {
    if (!l.tokens[0]) throw new UserError('names no module path', { file, line: l.line, field: 'module', expected: EXPECTED });
    out.module = l.tokens[0];
  } else if (verb === 'require') {
    out.requires.push(parseRequire(file, l));
  } else if (verb === 'replace') {
    out.replaces.push(parseReplace(file, l));
  }
  // go, toolchain, godebug, tool and ignore do not name dependencies. exclude and retract only remove versions from
  // consideration when the go command picks one; the versions go.mod requires are already the picked ones.
}

/** Parses go.mod following the grammar of the Go modules reference; unknown directives are errors, as for `go`. */
export function parseGoMod(file: string, text: string): GoModFile {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f]/.test(text)) throw new UserError('is not a text file', { file, expected: EXPECTED });
  const out: GoModFile = { requires: [], replaces: [] };
  let block: string | undefined;
  // A byte order mark from an editor is not part of the first directive.
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = tokenize(file, lines[i] ?? '', i + 1);
    if (l.tokens.length === 0) continue;
    if (block !== undefined) {
      if (l.tokens.length === 1 && l.tokens[0] === ')') block = undefined;
      else apply(file, block, l, out);
      continue;
    }
    const [verb = '', ...rest] = l.tokens;
    if (!DIRECTIVES.has(verb)) {
      throw new UserError(`unknown directive "${verb.slice(0, 40)}"`, { file, line: l.line, expected: EXPECTED });
    }
    if (rest.length === 1 && rest[0] === '(') block = verb;
    else apply(file, verb, { ...l, tokens: rest }, out);
  }
  if (block !== undefined) throw new UserError(`has an unclosed ${block} block`, { file, expected: EXPECTED });
  if (out.module === undefined) throw new UserError('has no module directive', { file, field: 'module', expected: EXPECTED });
  return out;
}
