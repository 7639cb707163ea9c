import type { PassiveCheck } from '../types.js';
import { liveCookies } from './cookies.js';
import { def, raise } from './headers.js';

const d = def({
  pluginId: '10010', name: 'Cookie No HttpOnly Flag', risk: 1, confidence: 2, cweId: 1004, wascId: 13,
  description: 'A cookie is set without HttpOnly, so a script injected into the page can read it (session theft).',
  solution: 'Set HttpOnly on every cookie that scripts do not need to read.',
});

export const cookieHttpOnly: PassiveCheck = {
  def: d,
  check: (r) =>
    liveCookies(r.setCookies)
      .filter((c) => !c.attributes.has('httponly'))
      .map((c) => raise(d, r, { param: c.name, evidence: c.pair })),
};
