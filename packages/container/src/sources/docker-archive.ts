import { UserError } from '@rampart/core';
import type { BlobStore } from './blob-store.js';
import { MAX_DOCUMENT, parseDocument, readDocument } from './json.js';
import { layerBlob } from './oci-layout.js';
import type { ResolvedImage } from './resolved.js';
import { dockerManifestSchema, imageConfigSchema } from './schemas.js';

const BLOB = /^blobs\/(sha256)\/([a-f0-9]{64})$/;

/**
 * A `docker save` archive: manifest.json lists, per image, its config and its layer tars. Docker before 25 stores
 * `<id>/layer.tar`; Docker 25+ stores an OCI layout inside and names blobs `blobs/sha256/<hex>`. Layers of the old
 * layout are uncompressed tars, so their content must hash to the config's diff ids.
 */
export async function resolveDockerArchive(store: BlobStore, ref?: string): Promise<ResolvedImage> {
  const file = `${store.location}: manifest.json`;
  const images = parseDocument(await store.readSmall('manifest.json', MAX_DOCUMENT), dockerManifestSchema, file, 'a docker save manifest');
  const image = ref === undefined ? images[0] : images.find((i) => i.RepoTags?.includes(ref));
  if (!image) {
    const tags = images.flatMap((i) => i.RepoTags ?? []).join(', ') || 'none';
    throw new UserError(ref === undefined ? 'no images' : `no image tagged ${JSON.stringify(ref)}`, { file, expected: `one of the tags: ${tags}` });
  }
  const configDigest = BLOB.exec(image.Config);
  const config = await readDocument(
    store,
    image.Config,
    imageConfigSchema,
    'an image config',
    configDigest ? `sha256:${configDigest[2]}` : undefined,
  );
  const diffIds = config.rootfs?.diff_ids ?? [];
  const layers = image.Layers.map((path, i) => {
    const blob = BLOB.exec(path);
    const digest = blob ? `sha256:${blob[2]}` : undefined;
    const diffId = diffIds[i];
    return layerBlob(store, path, diffId ?? digest ?? path, digest ?? diffId);
  });
  const reference = ref ?? image.RepoTags?.[0];
  return { format: 'docker-archive', ...(reference ? { reference } : {}), config, layers };
}
