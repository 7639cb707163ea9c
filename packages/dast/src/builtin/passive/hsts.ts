import { def, missingHeaderCheck } from './headers.js';

/** Only HTTPS responses: browsers ignore the header over plain HTTP. */
export const hstsMissing = missingHeaderCheck(
  def({
    pluginId: '10035', name: 'Strict-Transport-Security Header Not Set', risk: 1, confidence: 3, cweId: 319, wascId: 15,
    description: 'The HTTPS site does not send Strict-Transport-Security, so a browser may still reach it over plain HTTP, where a network attacker can intercept or strip TLS.',
    solution: 'Send Strict-Transport-Security: max-age=31536000; includeSubDomains on HTTPS responses.',
  }),
  (r) => r.headers['strict-transport-security'] !== undefined,
  (r) => new URL(r.url).protocol === 'https:' && (r.status < 300 || r.status >= 400),
);
