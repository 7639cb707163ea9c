import type { PassiveCheck } from '../types.js';
import { liveCookies } from './cookies.js';
import { def, raise } from './headers.js';

const d = def({
  pluginId: '10054', name: 'Cookie without SameSite Attribute', risk: 1, confidence: 2, cweId: 1275, wascId: 13,
  description: 'A cookie is set without a SameSite attribute, so browsers that do not default to Lax send it with requests from other sites (cross-site request forgery, timing attacks).',
  solution: "Set SameSite=Lax or SameSite=Strict on every cookie (None only with Secure, for cookies that must be sent cross-site).",
});

export const cookieSameSite: PassiveCheck = {
  def: d,
  check: (r) =>
    liveCookies(r.setCookies)
      .filter((c) => !c.attributes.get('samesite'))
      .map((c) => raise(d, r, { param: c.name, evidence: c.pair })),
};
