/** A dependency specification as PEP 508 writes it: `name[extra1,extra2] (>=1.0) ; marker` or `name @ url`. */
export interface Requirement {
  name: string;
  extras: string[];
  /** The version specifier with whitespace and the old-style parentheses removed, '' when there is none. */
  specifier: string;
  url?: string;
  marker?: string;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

/** Parses one requirement; undefined when the text is not one (the caller decides whether that is an error). */
export function parseRequirement(text: string): Requirement | undefined {
  let rest = text.trim();
  const nameMatch = NAME.exec(rest);
  if (!nameMatch?.[1]) return undefined;
  const name = nameMatch[1];
  rest = rest.slice(name.length).trim();
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    extras = rest
      .slice(1, close)
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    if (!extras.every((e) => NAME.exec(e)?.[1] === e)) return undefined;
    rest = rest.slice(close + 1).trim();
  }
  let marker: string | undefined;
  // A URL may contain ';' only after the URL is done: PEP 508 requires whitespace before the marker's ';'.
  const semi = rest.startsWith('@') ? rest.search(/\s;/) : rest.indexOf(';');
  if (semi >= 0) {
    marker = rest.slice(semi).replace(/^\s*;/, '').trim();
    rest = rest.slice(0, semi).trim();
    if (marker === '') return undefined;
  }
  if (rest.startsWith('@')) {
    const url = rest.slice(1).trim();
    if (url === '' || /\s/.test(url)) return undefined;
    return { name, extras, specifier: '', url, ...(marker !== undefined ? { marker } : {}) };
  }
  let spec = rest;
  if (spec.startsWith('(')) {
    if (!spec.endsWith(')')) return undefined;
    spec = spec.slice(1, -1);
  }
  spec = spec.replace(/\s+/g, '');
  if (spec !== '' && !/^(?:(?:===|==|!=|~=|<=|>=|<|>)[A-Za-z0-9.*+!_-]+)(?:,(?:===|==|!=|~=|<=|>=|<|>)[A-Za-z0-9.*+!_-]+)*$/.test(spec)) {
    return undefined;
  }
  return { name, extras, specifier: spec, ...(marker !== undefined ? { marker } : {}) };
}

/** The version a specifier pins to exactly (`==1.2.3` or `===1.2.3`), or undefined for ranges and wildcards. */
export function pinnedVersion(specifier: string): string | undefined {
  const m = /^(?:===?)([A-Za-z0-9.+!_-]+)$/.exec(specifier);
  return m?.[1];
}
