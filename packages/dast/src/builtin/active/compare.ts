import type { HttpResponse } from '../../http/client.js';

const QUOTE_STYLES: Record<string, string[]> = {
  "'": ["'", '&#39;', '&#x27;', '&apos;', '&#039;'],
  '"': ['"', '&quot;', '&#34;', '&#x22;'],
};

/** The forms a reflected value takes in a page: raw, HTML-escaped in the common styles, URL-encoded. */
function variants(value: string): string[] {
  const out = new Set<string>([value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)]);
  const base = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const sq of QUOTE_STYLES["'"] ?? []) for (const dq of QUOTE_STYLES['"'] ?? []) out.add(base.replace(/'/g, sq).replace(/"/g, dq));
  return [...out].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * A response reduced to what the query decided: status and body with every value sent in the comparison taken out
 * wherever it is echoed ("Results for <value>"), so two requests compare equal when only the echo differs. All
 * responses of one comparison get the same list, so stripping is symmetric.
 */
export function fingerprint(r: HttpResponse, sent: readonly string[]): string {
  let body = r.body;
  const all = [...new Set(sent.flatMap(variants))].sort((a, b) => b.length - a.length);
  for (const v of all) body = body.split(v).join('\u0000');
  return `${r.status}\n${r.headers.location ?? ''}\n${body}`;
}
