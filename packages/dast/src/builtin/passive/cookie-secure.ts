import type { PassiveCheck } from '../types.js';
import { liveCookies } from './cookies.js';
import { def, raise } from './headers.js';

const d = def({
  pluginId: '10011', name: 'Cookie Without Secure Flag', risk: 1, confidence: 2, cweId: 614, wascId: 13,
  description: 'A cookie set over HTTPS lacks the Secure flag, so the browser also sends it over plain HTTP, where anyone on the network can read it.',
  solution: 'Set the Secure flag on every cookie of an HTTPS site.',
});

/** Only for HTTPS responses: over plain HTTP a Secure cookie would not be stored at all. */
export const cookieSecure: PassiveCheck = {
  def: d,
  check: (r) =>
    new URL(r.url).protocol !== 'https:'
      ? []
      : liveCookies(r.setCookies)
          .filter((c) => !c.attributes.has('secure'))
          .map((c) => raise(d, r, { param: c.name, evidence: c.pair })),
};
