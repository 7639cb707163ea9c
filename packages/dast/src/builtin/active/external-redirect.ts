import type { HttpResponse } from '../../http/client.js';
import type { ActiveCheck } from '../types.js';
import { def, raiseAt } from './alert.js';

const d = def({
  pluginId: '20019', name: 'External Redirect', risk: 3, confidence: 2, cweId: 601, wascId: 38,
  description:
    'A parameter decides where the page redirects to, and any site is accepted, so a link on the trusted domain sends visitors to an attacker\'s page (phishing, token theft through redirects).',
  solution:
    'Redirect only to relative paths or to an allow-list of destinations; map the parameter to a destination by id instead of taking a URL.',
});

/** A reserved name (RFC 2606 .invalid) that never resolves, so nothing can ever be fetched from it. */
export const REDIRECT_HOST = 'rampart-redirect.invalid';

function hostOf(raw: string, base: string): string | undefined {
  try {
    return new URL(raw.trim(), base).hostname;
  } catch {
    return undefined;
  }
}

/** Where the response sends the browser: Location, a meta refresh, or a script assigning location. */
function redirectTargets(r: HttpResponse): string[] {
  const out: string[] = [];
  if (r.status >= 300 && r.status < 400 && r.headers.location) out.push(r.headers.location);
  if (r.headers.refresh) out.push(r.headers.refresh.replace(/^\s*\d+\s*;?\s*(?:url\s*=\s*)?/i, ''));
  for (const m of r.body.matchAll(/<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*\d+\s*;\s*url\s*=\s*([^"'>\s]+)/gi)) out.push(m[1] ?? '');
  for (const m of r.body.matchAll(/\blocation(?:\.href)?\s*=\s*["']([^"']+)["']|\blocation\.(?:replace|assign)\(\s*["']([^"']+)["']/g)) out.push(m[1] ?? m[2] ?? '');
  return out.filter(Boolean);
}

/** The response sends the browser to our never-resolving host; it is read, never followed. */
export const externalRedirect: ActiveCheck = {
  def: d,
  async run(point, ctx) {
    // Then the forms that get past a "starts with /" test: scheme-relative, and a backslash browsers read as a slash.
    for (const payload of [`http://${REDIRECT_HOST}/`, `//${REDIRECT_HOST}/`, `/\\${REDIRECT_HOST}/`]) {
      const res = await ctx.send(point, payload);
      const hit = redirectTargets(res).find((t) => hostOf(t, point.url) === REDIRECT_HOST);
      if (hit) return [raiseAt(d, point, payload, hit)];
      // The bypass forms are only worth a request where the parameter drives a redirect at all.
      if (redirectTargets(res).length === 0) break;
    }
    return [];
  },
};
