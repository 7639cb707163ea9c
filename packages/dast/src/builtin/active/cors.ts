import type { ActiveCheck, ActiveContext } from '../types.js';
import { def } from './alert.js';

const d = def({
  pluginId: '40040', name: 'CORS Misconfiguration', risk: 3, confidence: 3, cweId: 942, wascId: 14,
  description:
    'The server echoes any Origin in Access-Control-Allow-Origin and allows credentials, so any web site the victim visits can read this resource with the victim\'s cookies (authenticated cross-origin reads).',
  solution:
    'Answer only origins from an allow-list, never reflect the Origin header as it is, and send Access-Control-Allow-Credentials only to trusted origins.',
  reference: 'https://www.zaproxy.org/docs/alerts/40040-3/',
});

const PROBE_ORIGINS = ['https://rampart-cors.invalid', 'null'];
const probed = new WeakMap<ActiveContext, Set<string>>();

/** Once per URL (not per parameter): a request from a foreign Origin whose answer allows that origin with credentials. */
export const corsMisconfiguration: ActiveCheck = {
  def: d,
  async run(point, ctx) {
    if (point.method !== 'GET') return [];
    const done = probed.get(ctx) ?? new Set<string>();
    probed.set(ctx, done);
    if (done.has(point.url)) return [];
    done.add(point.url);
    const url = new URL(point.url);
    for (const [k, v] of Object.entries(point.params)) url.searchParams.set(k, v);
    for (const origin of PROBE_ORIGINS) {
      const res = await ctx.http.send({ method: 'GET', url: url.href, headers: { origin } });
      const allowed = res.headers['access-control-allow-origin'];
      if (allowed === origin && (res.headers['access-control-allow-credentials'] ?? '').trim().toLowerCase() === 'true') {
        const evidence = `Access-Control-Allow-Origin: ${allowed}, Access-Control-Allow-Credentials: true`;
        return [{ def: d, instance: { uri: point.url, method: 'GET', attack: `Origin: ${origin}`, evidence } }];
      }
    }
    return [];
  },
};
