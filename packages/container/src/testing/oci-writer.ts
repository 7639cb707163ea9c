import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Written {
  digest: string;
  size: number;
  mediaType: string;
}

/** Writes a blob into an OCI image layout's `blobs/sha256/` and returns its descriptor. */
export function writeBlob(layout: string, bytes: Uint8Array | string, mediaType: string): Written {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  const hex = createHash('sha256').update(data).digest('hex');
  mkdirSync(join(layout, 'blobs/sha256'), { recursive: true });
  writeFileSync(join(layout, 'blobs/sha256', hex), data);
  return { digest: `sha256:${hex}`, size: data.length, mediaType };
}

/** One image: a config and its layers (stored bytes, compressed or not) in a manifest. */
export function writeImage(layout: string, layers: readonly { bytes: Uint8Array; mediaType: string }[], platform = { os: 'linux', architecture: 'amd64' }): Written {
  const layerDescs = layers.map((l) => writeBlob(layout, l.bytes, l.mediaType));
  const config = writeBlob(
    layout,
    JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: layerDescs.map((d) => d.digest) } }),
    'application/vnd.oci.image.config.v1+json',
  );
  const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers: layerDescs };
  return writeBlob(layout, JSON.stringify(manifest), 'application/vnd.oci.image.manifest.v1+json');
}

export function writeIndex(layout: string, manifests: readonly unknown[], file?: string): Written {
  const index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests };
  if (file) {
    mkdirSync(layout, { recursive: true });
    writeFileSync(join(layout, file), JSON.stringify(index));
    writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    return { digest: '', size: 0, mediaType: index.mediaType };
  }
  return writeBlob(layout, JSON.stringify(index), index.mediaType);
}
