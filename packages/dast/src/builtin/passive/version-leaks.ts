import type { PassiveCheck } from '../types.js';
import { def, raise } from './headers.js';

const serverDef = def({
  pluginId: '10036', name: 'Server Leaks Version Information via "Server" HTTP Response Header Field', risk: 1, confidence: 3,
  cweId: 497, wascId: 13,
  description: 'The Server header names the software and its version, which tells an attacker which exploits to try.',
  solution: 'Configure the server to send no Server header, or one without a version.',
});

/** Only a version is a leak: `Server: nginx` alone is what ZAP reports as informational elsewhere. */
export const serverVersionLeak: PassiveCheck = {
  def: serverDef,
  check: (r) => {
    const server = r.headers.server;
    return server && /\d/.test(server) ? [raise(serverDef, r, { evidence: server })] : [];
  },
};

const poweredByDef = def({
  pluginId: '10037', name: 'Server Leaks Information via "X-Powered-By" HTTP Response Header Field(s)', risk: 1, confidence: 2,
  cweId: 497, wascId: 13,
  description: 'X-Powered-By names the framework (Express, PHP, ASP.NET), which helps an attacker choose exploits.',
  solution: "Remove the header (Express: app.disable('x-powered-by') or helmet).",
});

export const poweredByLeak: PassiveCheck = {
  def: poweredByDef,
  check: (r) => (r.headers['x-powered-by'] ? [raise(poweredByDef, r, { evidence: r.headers['x-powered-by'] })] : []),
};
