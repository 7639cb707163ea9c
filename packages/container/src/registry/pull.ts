import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ServiceError, UserError, silentLogger, type Logger } from '@rampart/core';
import { digestOf } from '../layer/digest.js';
import type { LayerBlob } from '../layer/types.js';
import { MAX_DOCUMENT, parseDocument } from '../sources/json.js';
import { choosePlatform, DEFAULT_PLATFORM, type Platform } from '../sources/platform.js';
import type { ResolvedImage } from '../sources/resolved.js';
import { imageConfigSchema, indexSchema, manifestSchema } from '../sources/schemas.js';
import { RegistryClient, type Fetch } from './client.js';
import { findCredentials } from './credentials.js';
import { parseReference } from './reference.js';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface PullOptions {
  platform?: Platform;
  env: Readonly<Record<string, string | undefined>>;
  dockerConfigDir?: string;
  insecure?: boolean;
  fetch?: Fetch;
  logger?: Logger;
}

async function readCapped(res: Response, what: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_DOCUMENT) throw new ServiceError(`${what} is ${declared} bytes, more than a manifest can be`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of (res.body ?? []) as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > MAX_DOCUMENT) throw new ServiceError(`${what} is more than ${MAX_DOCUMENT} bytes`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Fetches a manifest or index and checks it against the digest asked for, or the one the registry states. */
async function fetchDocument(client: RegistryClient, reference: string, expectDigest: string | undefined): Promise<{ bytes: Uint8Array; digest: string }> {
  const where = `${client.ref.registry}/${client.ref.repository}@${reference}`;
  const res = await client.get(`/manifests/${reference}`, { accept: ACCEPT });
  if (res.status === 404) {
    await res.body?.cancel();
    throw new UserError('no such image in the registry', { file: where, expected: 'an existing tag or digest' });
  }
  if (!res.ok) throw new ServiceError(`registry answered HTTP ${res.status} for ${where}`);
  const bytes = await readCapped(res, where);
  const digest = digestOf(bytes);
  const claimed = expectDigest ?? res.headers.get('docker-content-digest') ?? undefined;
  if (claimed && claimed !== digest) throw new ServiceError(`${where}: content hashes to ${digest}, not ${claimed}`);
  return { bytes, digest };
}

function layerFromRegistry(client: RegistryClient, digest: string): LayerBlob {
  const path = `/blobs/${digest}`;
  const label = `${digest} of ${client.ref.registry}/${client.ref.repository}`;
  return {
    id: digest,
    label,
    expectedDigest: digest,
    async head(bytes) {
      const res = await client.get(path, { range: `bytes=0-${bytes - 1}` });
      if (!res.ok) throw new ServiceError(`registry answered HTTP ${res.status} for layer ${label}`);
      const reader = res.body?.getReader();
      const first = (await reader?.read())?.value ?? new Uint8Array(0);
      await reader?.cancel();
      return first.subarray(0, bytes);
    },
    open() {
      // Started lazily and streamed: a layer never sits whole in memory or on disk.
      return Readable.from(
        (async function* () {
          const res = await client.get(path, {}, false);
          if (!res.ok || !res.body) throw new ServiceError(`registry answered HTTP ${res.status} for layer ${label}`);
          try {
            yield* Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
          } catch (err) {
            // A connection dropped mid-layer is the registry's failure, not a corrupt image.
            throw new ServiceError(`download of layer ${label} failed: ${err instanceof Error ? err.message : String(err)}`);
          }
        })(),
      );
    },
  };
}

function isIndex(bytes: Uint8Array): boolean {
  try {
    const raw = JSON.parse(new TextDecoder().decode(bytes)) as { manifests?: unknown } | null;
    return Array.isArray(raw?.manifests);
  } catch {
    return false;
  }
}

/** Resolves `registry/repository:tag` to its manifest (for the platform), config and streamed layers. */
export async function resolveRegistry(text: string, options: PullOptions): Promise<ResolvedImage> {
  const ref = parseReference(text);
  const logger = options.logger ?? silentLogger;
  const credentials = await findCredentials(ref.registry, { env: options.env, logger, ...(options.dockerConfigDir ? { dockerConfigDir: options.dockerConfigDir } : {}) });
  const client = new RegistryClient(ref, {
    logger,
    ...(credentials ? { credentials } : {}),
    ...(options.insecure !== undefined ? { insecure: options.insecure } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let doc = await fetchDocument(client, ref.digest ?? ref.tag ?? 'latest', ref.digest);
  const where = `${ref.registry}/${ref.repository}`;
  for (let depth = 0; depth < 4; depth++) {
    if (!isIndex(doc.bytes)) break;
    const index = parseDocument(doc.bytes, indexSchema, where, 'an image index');
    const chosen = choosePlatform(index.manifests, options.platform ?? DEFAULT_PLATFORM, where) ?? index.manifests[0];
    if (!chosen) throw new UserError('empty image index', { file: where, expected: 'at least one manifest' });
    doc = await fetchDocument(client, chosen.digest, chosen.digest);
  }
  const manifest = parseDocument(doc.bytes, manifestSchema, where, 'an image manifest');
  const configRes = await client.get(`/blobs/${manifest.config.digest}`, {});
  if (!configRes.ok) throw new ServiceError(`registry answered HTTP ${configRes.status} for the config of ${where}`);
  const configBytes = await readCapped(configRes, `config of ${where}`);
  if (digestOf(configBytes) !== manifest.config.digest) throw new ServiceError(`config of ${where} does not match its digest`);
  const config = parseDocument(configBytes, imageConfigSchema, where, 'an image config');
  return {
    format: 'registry',
    reference: `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`,
    manifestDigest: doc.digest,
    config,
    layers: manifest.layers.map((l) => layerFromRegistry(client, l.digest)),
  };
}
