import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActiveContext } from './types.js';

export interface CanaryListener extends Required<Pick<ActiveContext, 'canaryUrl' | 'canaryHit'>> {
  readonly url: string;
  close(): Promise<void>;
}

export interface CanaryOptions {
  /** Where to listen; 127.0.0.1 by default. Use 0.0.0.0 when the target runs in another container. */
  host?: string;
  port?: number;
  /**
   * The base URL the target must use to reach the listener (`http://runner:8999`) when it is not the listening
   * address, as when the target is a CI service container.
   */
  advertise?: string;
}

/**
 * A tiny HTTP listener for SSRF checks: a target that fetches `canaryUrl(token)` reveals itself by the token in the
 * path. Started by the engine's caller (CLI, tests, bench) and passed as `BuiltinEngineOptions.canary`. It answers
 * every request with an empty 204 and records only the first path segment, so it serves nothing to the target.
 */
export async function startCanaryListener(options: CanaryOptions = {}): Promise<CanaryListener> {
  const host = options.host ?? '127.0.0.1';
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => {
    const token = (req.url ?? '').split(/[/?#]/).find(Boolean);
    if (token) seen.add(token);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = (options.advertise ?? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`).replace(/\/+$/, '');
  return {
    url,
    canaryUrl: (token) => `${url}/${token}`,
    canaryHit: (token) => seen.has(token),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
