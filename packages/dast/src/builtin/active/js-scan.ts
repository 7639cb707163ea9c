/** Where a position of a script is: in code, or inside a string, template, regex literal or comment (which do not execute). */
export type JsState = 'code' | "'" | '"' | '`' | 'regex' | 'comment';

/** After these (or at the start) a `/` begins a regex literal; after an operand it is a division. */
const BEFORE_REGEX = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

/**
 * The lexical state of every character of a script. A rough JavaScript lexer (strings, templates without nested
 * expressions, regex literals by the preceding character, comments, escapes): enough to tell whether a reflected
 * marker is data (in a literal or comment) or code, where it runs.
 */
export function lexStates(script: string): JsState[] {
  const states: JsState[] = new Array<JsState>(script.length);
  let state: JsState = 'code';
  let block = false;
  let inClass = false;
  let last = '';
  for (let i = 0; i < script.length; i++) {
    const c = script[i] ?? '';
    const next = script[i + 1];
    if (state === 'code') {
      if (c === '/' && (next === '/' || next === '*')) {
        block = next === '*';
        state = 'comment';
        states[i] = states[i + 1] = 'comment';
        i++;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') state = c;
      else if (c === '/' && BEFORE_REGEX.has(last)) {
        state = 'regex';
        inClass = false;
      }
      states[i] = state;
      if (state === 'code' && !/\s/.test(c)) last = c;
      continue;
    }
    states[i] = state;
    if (state === 'comment') {
      if (block && c === '*' && next === '/') {
        states[i + 1] = 'comment';
        i++;
        state = 'code';
      } else if (!block && c === '\n') state = 'code';
    } else if (c === '\\') {
      if (i + 1 < script.length) states[i + 1] = state;
      i++;
    } else if (state === 'regex') {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if ((c === '/' && !inClass) || c === '\n') {
        state = 'code';
        last = 'x';
      }
    } else if (c === state || (c === '\n' && state !== '`')) {
      state = 'code';
      last = 'x';
    }
  }
  return states;
}

/** The lexical state at every occurrence of `needle` in `script`. */
export function statesOf(script: string, needle: string): JsState[] {
  const states = lexStates(script);
  const out: JsState[] = [];
  for (let i = script.indexOf(needle); i >= 0; i = script.indexOf(needle, i + 1)) out.push(states[i] ?? 'code');
  return out;
}

/** The text of every comment in a script (so "//" inside a string or regex is not a comment). */
export function jsComments(script: string): string[] {
  const states = lexStates(script);
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= script.length; i++) {
    const inComment = i < script.length && states[i] === 'comment';
    if (inComment && start < 0) start = i;
    if (!inComment && start >= 0) {
      out.push(script.slice(start, i).replace(/^\/[/*]|\*\/$/g, ''));
      start = -1;
    }
  }
  return out;
}
