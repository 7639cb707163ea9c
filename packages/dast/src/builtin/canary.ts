import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActiveContext } from './types.js';

export interface CanaryListener extends Required<Pick<ActiveContext, 'canaryUrl' | 'canaryHit'>> {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A tiny HTTP listener for SSRF checks: a target that fetches `canaryUrl(token)` reveals itself by the token in the
 * path. Started by the engine's caller (CLI, tests, bench) and passed as `BuiltinEngineOptions.canary`. It answers
 * every request with an empty 204 and records only the first path segment, so it serves nothing to the target.
 */
export async function startCanaryListener(host = '127.0.0.1', port = 0): Promise<CanaryListener> {
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => {
    const token = (req.url ?? '').split(/[/?#]/).find(Boolean);
    if (token) seen.add(token);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    url,
    canaryUrl: (token) => `${url}/${token}`,
    canaryHit: (token) => seen.has(token),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
