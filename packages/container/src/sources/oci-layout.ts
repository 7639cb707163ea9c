import { UserError } from '@rampart/core';
import { parseDigest } from '../layer/digest.js';
import type { LayerBlob } from '../layer/types.js';
import type { BlobStore } from './blob-store.js';
import { readDocument } from './json.js';
import { choosePlatform, DEFAULT_PLATFORM, type Platform } from './platform.js';
import type { ResolvedImage } from './resolved.js';
import { imageConfigSchema, indexSchema, manifestSchema, type Descriptor } from './schemas.js';

export interface OciOptions {
  platform?: Platform;
  /** `org.opencontainers.image.ref.name` of the image to scan, when the layout holds several. */
  ref?: string;
}

const REF_NAME = 'org.opencontainers.image.ref.name';
const MAX_NESTING = 4;

/** Blobs live at `blobs/<algorithm>/<encoded>` (OCI image layout spec); the digest is validated first. */
export function blobPath(store: BlobStore, digest: string): string {
  const parsed = parseDigest(digest);
  if (!parsed) throw new UserError(`digest ${JSON.stringify(digest)}`, { file: store.location, expected: 'sha256:<64 hex digits>' });
  return `blobs/${parsed.alg}/${parsed.hex}`;
}

function isIndex(d: Descriptor): boolean {
  return d.mediaType === 'application/vnd.oci.image.index.v1+json' || d.mediaType === 'application/vnd.docker.distribution.manifest.list.v2+json';
}

function pickByRef(manifests: Descriptor[], ref: string | undefined, where: string): Descriptor | undefined {
  if (ref === undefined) return manifests.length === 1 ? manifests[0] : undefined;
  const hit = manifests.find((d) => d.annotations?.[REF_NAME] === ref || d.digest === ref);
  if (hit) return hit;
  const names = manifests.map((d) => d.annotations?.[REF_NAME] ?? d.digest).join(', ');
  throw new UserError(`no image named ${JSON.stringify(ref)}`, { file: where, expected: `one of: ${names}` });
}

async function chooseManifest(store: BlobStore, options: OciOptions): Promise<Descriptor> {
  const index = await readDocument(store, 'index.json', indexSchema, 'an OCI image index (index.json)');
  let manifests = index.manifests;
  let where = `${store.location}: index.json`;
  const byRef = pickByRef(manifests, options.ref, where);
  if (byRef) manifests = [byRef];
  for (let depth = 0; depth < MAX_NESTING; depth++) {
    const chosen = manifests.length === 1 ? manifests[0] : choosePlatform(manifests, options.platform ?? DEFAULT_PLATFORM, where);
    if (!chosen) {
      throw new UserError(`${manifests.length} images and none chosen`, { file: where, expected: 'a ref name (--ref) or platform entries' });
    }
    if (!isIndex(chosen)) return chosen;
    const path = blobPath(store, chosen.digest);
    manifests = (await readDocument(store, path, indexSchema, 'an OCI image index', chosen.digest)).manifests;
    where = `${store.location}: ${path}`;
  }
  throw new UserError('image indexes nested too deeply', { file: where, expected: `at most ${MAX_NESTING} levels` });
}

export function layerBlob(store: BlobStore, path: string, id: string, expectedDigest: string | undefined): LayerBlob {
  return {
    id,
    label: `${path} in ${store.location}`,
    ...(expectedDigest ? { expectedDigest } : {}),
    head: (bytes) => store.head(path, bytes),
    open: () => store.open(path),
  };
}

/** An OCI image layout (a directory, or the same tarred: an OCI archive): index.json -> manifest -> config + layers. */
export async function resolveOciLayout(store: BlobStore, format: string, options: OciOptions = {}): Promise<ResolvedImage> {
  const descriptor = await chooseManifest(store, options);
  const manifestPath = blobPath(store, descriptor.digest);
  const manifest = await readDocument(store, manifestPath, manifestSchema, 'an OCI image manifest', descriptor.digest);
  const config = await readDocument(store, blobPath(store, manifest.config.digest), imageConfigSchema, 'an OCI image config', manifest.config.digest);
  const layers = manifest.layers.map((l) => layerBlob(store, blobPath(store, l.digest), l.digest, l.digest));
  const ref = descriptor.annotations?.[REF_NAME];
  return { format, ...(ref ? { reference: ref } : {}), manifestDigest: descriptor.digest, config, layers };
}
