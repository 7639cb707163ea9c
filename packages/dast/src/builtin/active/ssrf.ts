import { setTimeout as delay } from 'node:timers/promises';
import type { ActiveCheck } from '../types.js';
import { def, original, raiseAt } from './alert.js';
import { canaryToken } from './token.js';

const d = def({
  pluginId: '40046', name: 'Server Side Request Forgery', risk: 3, confidence: 3, cweId: 918, wascId: 20,
  description:
    'The server fetches a URL taken from a parameter, so an attacker can make it request internal services, cloud metadata endpoints or other hosts from inside the network.',
  solution:
    'Fetch only from an allow-list of hosts (checked after resolving the name), block private, loopback and link-local addresses, do not follow redirects to other hosts, and do not return the fetched content raw.',
});

const HOST_LIKE = /^(?!https?:)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/i;

/**
 * Points the parameter at the scan's own canary listener and raises when the target fetched it. The target's request
 * to the canary is the target's, not ours: our client never leaves the scope. Without a listener it does nothing.
 */
export const ssrf: ActiveCheck = {
  def: d,
  async run(point, ctx) {
    const { canaryUrl, canaryHit } = ctx;
    if (!canaryUrl || !canaryHit) return [];
    const token = canaryToken();
    const url = canaryUrl(token);
    // A parameter holding a bare host ("api.example.com:8080") is put into a URL by the server: give it host:port/path.
    const payloads = HOST_LIKE.test(original(point)) ? [url, url.replace(/^https?:\/\//, '')] : [url];
    for (const payload of payloads) {
      await ctx.send(point, payload);
      // Most fetches finish before the response; a short grace period catches the ones done in the background.
      for (let i = 0; i < 2 && !canaryHit(token); i++) await delay(50);
      if (canaryHit(token)) return [raiseAt(d, point, payload, `the canary listener received ${token}`)];
    }
    return [];
  },
};
