import type { PassiveCheck } from '../types.js';
import { def, raise } from './headers.js';

const d = def({
  pluginId: '10010', name: 'Cookie No HttpOnly Flag', risk: 1, confidence: 2, cweId: 1004, wascId: 13,
  description: 'A cookie is set without HttpOnly, so a script injected into the page can read it (session theft).',
  solution: 'Set HttpOnly on every cookie that scripts do not need to read.',
});

function cookieName(setCookie: string): string {
  return setCookie.split('=')[0]?.trim() ?? '';
}

export const cookieHttpOnly: PassiveCheck = {
  def: d,
  check: (r) =>
    r.setCookies
      .filter((c) => !/;\s*httponly\s*(;|$)/i.test(c))
      // A cookie being deleted (expired, empty value) cannot be stolen.
      .filter((c) => !/^[^=]*=\s*(;|$)/.test(c) && !/max-age=0/i.test(c))
      .map((c) => raise(d, r, { param: cookieName(c), evidence: c.split(';')[0] ?? c })),
};
