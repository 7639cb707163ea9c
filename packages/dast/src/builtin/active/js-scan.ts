/** Where a position of a script is: in code, or inside a string, template or comment (which do not execute). */
export type JsState = 'code' | "'" | '"' | '`' | 'comment';

/**
 * The lexical state at every occurrence of `needle` in `script`. A rough JavaScript lexer (strings, templates,
 * comments, escapes; regex literals are read as code): enough to tell whether a reflected marker is inside a string
 * literal, where it is data, or in code, where it runs.
 */
export function statesOf(script: string, needle: string): JsState[] {
  const out: JsState[] = [];
  let state: JsState = 'code';
  let blockComment = false;
  for (let i = 0; i < script.length; i++) {
    if (script.startsWith(needle, i)) out.push(state);
    const c = script[i];
    const next = script[i + 1];
    if (state === 'comment') {
      if (blockComment ? c === '*' && next === '/' : c === '\n') {
        if (blockComment) i++;
        state = 'code';
      }
    } else if (state === 'code') {
      if (c === '/' && (next === '/' || next === '*')) {
        blockComment = next === '*';
        state = 'comment';
        i++;
      } else if (c === "'" || c === '"' || c === '`') {
        state = c;
      }
    } else if (c === '\\') {
      i++;
    } else if (c === state || (c === '\n' && state !== '`')) {
      state = 'code';
    }
  }
  return out;
}
