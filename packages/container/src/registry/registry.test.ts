import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ServiceError, UserError } from '@rampart/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanImage } from '../scan.js';
import { layerTar } from '../testing/hostile.js';
import { writeImage, writeIndex, type Written } from '../testing/oci-writer.js';
import { parseChallenge } from './challenge.js';
import { parseReference } from './reference.js';

type Mode = 'anonymous' | 'bearer' | 'refuse' | 'expiring';
interface Seen {
  url: string;
  authorization: string | undefined;
}

let work: string;
let layout: string;
let index: Written;
let server: Server;
let host: string;
let mode: Mode = 'bearer';
let tamper = false;
let drop = false;
const seen: Seen[] = [];
const USER = 'ci-bot';
const PASSWORD = 's3cret';
const TOKEN = 'token-for-team-app';

function blob(digest: string): Buffer | undefined {
  try {
    return readFileSync(join(layout, 'blobs/sha256', digest.replace('sha256:', '')));
  } catch {
    return undefined;
  }
}

let issued = 0;
let uses = 0;

/** In `expiring` mode each token is good for two requests, as if it expired during a long pull. */
function authorized(req: IncomingMessage): boolean {
  if (mode === 'anonymous') return true;
  if (mode === 'expiring') return req.headers.authorization === `Bearer ${TOKEN}-${issued}` && ++uses <= 2;
  return req.headers.authorization === `Bearer ${TOKEN}`;
}

/** A registry speaking the OCI distribution API with Docker Hub's token flow, on 127.0.0.1. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', `http://${host}`);
  seen.push({ url: url.pathname + url.search, authorization: req.headers.authorization });
  if (url.pathname === '/token') {
    if (mode === 'expiring') {
      issued++;
      uses = 0;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: `${TOKEN}-${issued}` }));
      return;
    }
    const ok = mode === 'bearer' && req.headers.authorization === `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? JSON.stringify({ token: TOKEN }) : '{}');
    return;
  }
  if (!authorized(req)) {
    res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="fake-registry",scope="repository:team/app:pull"` }).end();
    return;
  }
  const m = /^\/v2\/team\/app\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
  const ref = m?.[2] === 'v1' ? index.digest : m?.[2];
  let body = ref ? blob(ref) : undefined;
  if (!m || !body) {
    res.writeHead(404).end();
    return;
  }
  if (m[1] === 'manifests') {
    const mediaType = (JSON.parse(body.toString()) as { mediaType: string }).mediaType;
    res.writeHead(200, { 'content-type': mediaType, 'docker-content-digest': ref ?? '' }).end(body);
    return;
  }
  if (tamper && body[0] === 0x1f && body[1] === 0x8b) body = Buffer.concat([body.subarray(0, body.length - 1), Buffer.from([(body.at(-1) ?? 0) ^ 1])]);
  const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
  if (drop && !range && body[0] === 0x1f) {
    res.writeHead(200, { 'content-length': body.length });
    res.write(body.subarray(0, body.length >> 1), () => res.destroy());
    return;
  }
  if (range) {
    res.writeHead(206, { 'content-range': `bytes ${range[1]}-${range[2]}/${body.length}` }).end(body.subarray(Number(range[1]), Number(range[2]) + 1));
    return;
  }
  res.writeHead(200, { 'content-length': body.length }).end(body);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'rampart-registry-'));
  layout = join(work, 'layout');
  const pkg = (version: string) => layerTar([{ header: { name: 'srv/node_modules/ms/package.json' }, content: JSON.stringify({ name: 'ms', version }) }]);
  const amd = writeImage(layout, [{ bytes: gzipSync(await pkg('2.1.3')), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }]);
  const arm = writeImage(layout, [{ bytes: gzipSync(await pkg('2.0.0')), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }], { os: 'linux', architecture: 'arm64' });
  index = writeIndex(layout, [
    { ...arm, platform: { os: 'linux', architecture: 'arm64' } },
    { ...amd, platform: { os: 'linux', architecture: 'amd64' } },
  ]);
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(work, { recursive: true, force: true });
});

function dockerConfig(registry: string): string {
  const dir = join(work, `docker-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [registry]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } } }));
  return dir;
}

describe('registry pulls (a fake registry on 127.0.0.1)', () => {
  it('answers a bearer challenge with credentials from docker config.json and pulls the platform asked for', async () => {
    mode = 'bearer';
    seen.length = 0;
    const scan = await scanImage({ kind: 'registry', reference: `${host}/team/app:v1` }, { dockerConfigDir: dockerConfig(host), env: {} });
    expect(scan.inventory.packages.map((p) => p.purl)).toEqual(['pkg:npm/ms@2.1.3']);
    expect(scan.format).toBe('registry');
    const tokenRequest = seen.find((s) => s.url.startsWith('/token'));
    expect(tokenRequest?.url).toContain('scope=repository%3Ateam%2Fapp%3Apull');
    expect(tokenRequest?.authorization).toMatch(/^Basic /);
    expect(seen.filter((s) => s.url.includes('/blobs/')).every((s) => s.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const arm = await scanImage({ kind: 'registry', reference: `${host}/team/app:v1` }, { platform: 'linux/arm64', env: { RAMPART_REGISTRY_USERNAME: USER, RAMPART_REGISTRY_PASSWORD: PASSWORD } });
    expect(arm.inventory.packages.map((p) => p.purl)).toEqual(['pkg:npm/ms@2.0.0']);
  });

  it('fetches a new anonymous token when the one it holds expires mid-pull', async () => {
    mode = 'expiring';
    issued = 0;
    const scan = await scanImage({ kind: 'registry', reference: `${host}/team/app:v1` }, { env: {} });
    expect(scan.inventory.packages.map((p) => p.purl)).toEqual(['pkg:npm/ms@2.1.3']);
    expect(issued).toBeGreaterThan(1);
  });

  it('pulls anonymously when the registry does not ask', async () => {
    mode = 'anonymous';
    seen.length = 0;
    const scan = await scanImage({ kind: 'registry', reference: `${host}/team/app@${index.digest}` }, { env: {} });
    expect(scan.inventory.packages.map((p) => p.purl)).toEqual(['pkg:npm/ms@2.1.3']);
    expect(seen.every((s) => s.authorization === undefined)).toBe(true);
  });

  it('reports refused auth as a service failure and a missing tag as a user error', async () => {
    mode = 'refuse';
    await expect(scanImage({ kind: 'registry', reference: `${host}/team/app:v1` }, { env: {} })).rejects.toBeInstanceOf(ServiceError);
    mode = 'anonymous';
    const missing = scanImage({ kind: 'registry', reference: `${host}/team/app:nope` }, { env: {} });
    await expect(missing).rejects.toBeInstanceOf(UserError);
    await expect(missing).rejects.toThrow('team/app@nope');
  });

  it('refuses a layer whose bytes do not match its digest', async () => {
    mode = 'anonymous';
    tamper = true;
    try {
      const run = scanImage({ kind: 'registry', reference: `${host}/team/app:v1` }, { env: {} });
      await expect(run).rejects.toBeInstanceOf(UserError);
      // The gzip trailer or the digest check fails first; either way the message names the layer.
      await expect(run).rejects.toThrow(new RegExp(`layer sha256:[0-9a-f]{64} of ${host}/team/app`));
    } finally {
      tamper = false;
    }
  });
});

describe('registry failures while streaming', () => {
  it('reports a connection dropped in the middle of a layer as a service failure', async () => {
    mode = 'anonymous';
    drop = true;
    try {
      const run = scanImage({ kind: 'registry', reference: `${host}/team/app:v1` }, { env: {} });
      await expect(run).rejects.toBeInstanceOf(ServiceError);
      await expect(run).rejects.toThrow(/download of layer sha256:/);
    } finally {
      drop = false;
    }
  });
});

describe('image references and challenges', () => {
  it('parses references as Docker does', () => {
    expect(parseReference('alpine')).toEqual({ registry: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest' });
    expect(parseReference('docker.io/bitnami/redis:7.2')).toEqual({ registry: 'registry-1.docker.io', repository: 'bitnami/redis', tag: '7.2' });
    expect(parseReference('ghcr.io/owner/app:v1')).toEqual({ registry: 'ghcr.io', repository: 'owner/app', tag: 'v1' });
    expect(parseReference(`localhost:5000/app@sha256:${'a'.repeat(64)}`)).toEqual({ registry: 'localhost:5000', repository: 'app', digest: `sha256:${'a'.repeat(64)}` });
    expect(parseReference('registry.gitlab.com/group/sub/project:main')).toMatchObject({ registry: 'registry.gitlab.com', repository: 'group/sub/project' });
    expect(() => parseReference('UPPER/case')).toThrow(UserError);
  });

  it('parses WWW-Authenticate challenges', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull' },
    });
    expect(parseChallenge('Basic realm="GitLab"')?.scheme).toBe('basic');
    expect(parseChallenge(null)).toBeUndefined();
  });
});
