export interface SetCookie {
  name: string;
  /** `name=value`, the part a report shows as evidence (attributes left out). */
  pair: string;
  /** Attribute names, lower-cased, with their values (empty for flags such as Secure). */
  attributes: Map<string, string>;
  /** The header removes the cookie (empty value, Max-Age=0 or an expiry in the past): nothing left to protect. */
  deleting: boolean;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair = '', ...attrs] = header.split(';');
  const eq = pair.indexOf('=');
  const name = (eq >= 0 ? pair.slice(0, eq) : pair).trim();
  const value = eq >= 0 ? pair.slice(eq + 1).trim() : '';
  const attributes = new Map<string, string>();
  for (const a of attrs) {
    const i = a.indexOf('=');
    attributes.set((i >= 0 ? a.slice(0, i) : a).trim().toLowerCase(), i >= 0 ? a.slice(i + 1).trim() : '');
  }
  const expires = Date.parse(attributes.get('expires') ?? '');
  const deleting = value === '' || attributes.get('max-age') === '0' || (!Number.isNaN(expires) && expires < Date.now());
  return { name, pair: pair.trim(), attributes, deleting };
}

/** Cookies the response sets (not deletes). */
export function liveCookies(setCookies: readonly string[]): SetCookie[] {
  return setCookies.map(parseSetCookie).filter((c) => !c.deleting && c.name !== '');
}
