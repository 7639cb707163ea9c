import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Running {
  url: string;
  /** Every request the server received, as `METHOD path?query`. */
  hits: string[];
  close(): Promise<void>;
}

/** Starts an app on 127.0.0.1 on a free port, recording what it receives. */
export async function serve(make: (hits: string[]) => Express): Promise<Running> {
  const hits: string[] = [];
  const app = make(hits);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    hits,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
