/**
 * Finding text comes from scanned code and third-party reports, and the summary is posted as a PR
 * comment: unescaped, it could inject links, images, HTML, table breaks or @-mentions. Everything
 * with meaning in GitHub/GitLab-flavoured markdown is backslash-escaped, `<>&` become entities,
 * and newlines collapse so a value stays inside its table cell.
 */
const SPECIAL = /[\\`*_{}[\]()#+\-.!|~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// A lone surrogate cannot be written as UTF-8; it would turn into U+FFFD on disk anyway.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(SPECIAL, (c) => `\\${c}`)
    // A zero-width joiner after @ keeps a scanned file from pinging people in the PR comment.
    .replace(/@/g, '@\u200d');
}

/** Cut to at most `max` characters without ending inside an escape sequence or entity. */
export function truncateEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  cut = cut.replace(/\\$/, '').replace(/&[a-z#0-9]*$/i, '');
  return `${cut}…`;
}
