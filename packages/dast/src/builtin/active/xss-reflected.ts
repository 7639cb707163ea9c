import type { ActiveCheck, ActiveContext, InjectionPoint, Raised } from '../types.js';
import { def, isHtmlResponse, raiseAt } from './alert.js';
import { findReflections, markerExecutes, type Reflection } from './html-reflection.js';
import { canaryToken } from './token.js';

const d = def({
  pluginId: '40012', name: 'Cross Site Scripting (Reflected)', risk: 3, confidence: 2, cweId: 79, wascId: 8,
  description:
    'A parameter is written back into the page without encoding for its context, so a link with a crafted value runs script in the victim\'s browser with the site\'s privileges (session theft, actions as the user).',
  solution:
    'Encode every value for the context it is written into (HTML text, attribute, JavaScript string, URL) with the template engine\'s auto-escaping, validate input against an allow-list, and add a Content-Security-Policy without unsafe-inline.',
});

/** Payloads worth trying for where the harmless marker came back; each calls `m()` if it breaks out. */
function payloadsFor(r: Reflection, m: string): string[] {
  // Closes any quote, comment or raw-text element it lands in, then adds an element with an event handler.
  const out = [`'"--></title></textarea></script><img src=x onerror=${m}()>`];
  if (r.attribute) out.push(`" autofocus onfocus=${m}() x="`, `' autofocus onfocus=${m}() x='`);
  if (r.urlStart) out.push(`javascript:${m}()`);
  for (const state of new Set(r.script)) {
    if (state === 'code') out.push(`0;${m}();//`);
    else if (state === '`') out.push(`\${${m}()}`);
    else if (state === "'" || state === '"') out.push(`${state};${m}();//`);
  }
  return out;
}

async function probe(point: InjectionPoint, ctx: ActiveContext): Promise<Raised[]> {
  const token = canaryToken();
  const first = await ctx.send(point, token);
  if (!isHtmlResponse(first) || !first.body.includes(token)) return [];
  const reflection = findReflections(first.body, token);
  for (const payload of payloadsFor(reflection, token)) {
    const res = await ctx.send(point, payload);
    if (!isHtmlResponse(res)) continue;
    const evidence = markerExecutes(res.body, token);
    if (evidence) return [raiseAt(d, point, payload, evidence)];
  }
  return [];
}

/**
 * Reflected XSS: a harmless marker first (one request for the many parameters that are not reflected), then breakouts
 * chosen for where it came back, confirmed by parsing the response as a browser would and finding the marker in an
 * event handler, a javascript: URL or script code; an escaped or merely echoed payload does not count.
 */
export const xssReflected: ActiveCheck = { def: d, run: probe };
