import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveOf } from '../../packages/vulns/src/db/testing/osv-server.js';
import { CLI_BIN, ROOT, requireBuilt } from './paths.js';

const run = promisify(execFile);
let server: Server;
let url = '';

/**
 * An HTTP/1.0 server that closes the connection after each answer, as Python's http.server does. The CLI bundles a
 * newer undici (through @actions/*) than Node's own; when the bundled one installed the global dispatcher, Node's
 * fetch crashed on an assertion reading such a body with backpressure. The bundles now keep Node's dispatcher.
 */
beforeAll(async () => {
  requireBuilt(CLI_BIN);
  const dir = join(ROOT, 'packages/vulns/test/fixtures/osv');
  const records = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>);
  // Padding records make the archive big enough that the download meets backpressure.
  const padding = Array.from({ length: 3000 }, (_, i) => ({ id: `PAD-${i}`, modified: '2026-01-01T00:00:00Z', details: 'x'.repeat(2000), affected: [{ package: { ecosystem: 'npm', name: `pad-${i}` }, versions: ['1.0.0'] }] }));
  const zip = archiveOf([...records, ...padding], 'npm');
  server = createServer((socket) => {
    socket.once('data', () => {
      socket.write(`HTTP/1.0 200 OK\r\nContent-Type: application/zip\r\nContent-Length: ${zip.length}\r\n\r\n`);
      socket.end(zip);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('the built CLI against an HTTP/1.0 server', () => {
  it('pulls an OSV archive without crashing', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'rampart-http10-'));
    const { stdout } = await run(process.execPath, [CLI_BIN, 'db', 'pull', '--ecosystem', 'npm', '--cache-dir', cache, '--osv-bucket', url]);
    expect(stdout).toMatch(/npm: 30\d\d advisories/);
  }, 120_000);
});
