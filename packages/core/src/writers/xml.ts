/**
 * XML 1.0 allows only TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF. Scanner
 * messages carry ANSI colour codes, NULs and broken surrogates often enough that a JUnit parser
 * choking on them is a real failure, so each such character is written as visible `\u{..}` text.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(c: string): string {
  return `\\u{${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}}`;
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  // Attribute value normalisation would turn these into spaces; character references survive it.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

// Most text needs no escaping; one test is much cheaper than three replaces at 100,000 findings.
// The control characters are the point: XML 1.0 forbids them, so they must be found.
/* eslint-disable no-control-regex */
const TEXT_NEEDS = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTR_NEEDS = /[&<>"'\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */

export function escapeXmlText(s: string): string {
  if (!TEXT_NEEDS.test(s)) return s;
  return s.replace(FORBIDDEN, visible).replace(/[&<>]/g, (c) => TEXT_ENTITIES[c] ?? c).replace(/\r/g, '&#13;');
}

export function escapeXmlAttr(s: string): string {
  if (!ATTR_NEEDS.test(s)) return s;
  return s.replace(FORBIDDEN, visible).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ENTITIES[c] ?? c);
}
