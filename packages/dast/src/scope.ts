import { UserError } from '@rampart/core';

/**
 * Which URLs a scan may request. The default is the target's origin only: a DAST tool that follows a link to a
 * third party attacks someone who did not ask for it. `include` regexes add URLs (still checked against the
 * allowed origins), `exclude` regexes remove them (logout links, destructive admin routes).
 */
export interface Scope {
  readonly origins: ReadonlySet<string>;
  inScope(url: string): boolean;
}

function compile(patterns: string[], field: string): RegExp[] {
  return patterns.map((p) => {
    try {
      return new RegExp(p);
    } catch (e) {
      throw new UserError(`not a valid regular expression: ${(e as Error).message}`, { field, expected: 'a JavaScript regular expression' });
    }
  });
}

export function parseTarget(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UserError(`"${target}" is not a URL`, { field: '--target', expected: 'an http:// or https:// URL' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`unsupported scheme ${url.protocol}`, { field: '--target', expected: 'an http:// or https:// URL' });
  }
  return url;
}

export function makeScope(target: string, include: string[] = [], exclude: string[] = [], extraOrigins: string[] = []): Scope {
  const origins = new Set([parseTarget(target).origin, ...extraOrigins.map((o) => parseTarget(o).origin)]);
  const inc = compile(include, 'include');
  const exc = compile(exclude, 'exclude');
  return {
    origins,
    inScope(raw: string): boolean {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return false;
      }
      if (!origins.has(url.origin)) return false;
      const href = url.href;
      if (exc.some((r) => r.test(href))) return false;
      return inc.length === 0 || inc.some((r) => r.test(href)) || href === parseTarget(target).href;
    },
  };
}
