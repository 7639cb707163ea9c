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

/** The text of every comment in a script, found with the same lexer (so "//" inside a string is not a comment). */
export function jsComments(script: string): string[] {
  const out: string[] = [];
  let state: JsState = 'code';
  let start = 0;
  let block = false;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    const next = script[i + 1];
    if (state === 'comment') {
      if (block ? c === '*' && next === '/' : c === '\n') {
        out.push(script.slice(start, i));
        if (block) i++;
        state = 'code';
      }
    } else if (state === 'code') {
      if (c === '/' && (next === '/' || next === '*')) {
        block = next === '*';
        state = 'comment';
        start = i + 2;
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
  if (state === 'comment') out.push(script.slice(start));
  return out;
}
