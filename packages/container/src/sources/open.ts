import { UserError } from '@rampart/core';
import { directoryStore, tarStore } from './blob-store.js';
import { resolveDockerArchive } from './docker-archive.js';
import { resolveOciLayout } from './oci-layout.js';
import { parsePlatform } from './platform.js';
import type { ResolvedImage } from './resolved.js';

/** Where an image comes from (the CLI's --tar, --oci-layout and --rootfs). */
export type ImageSource =
  | { kind: 'archive'; path: string }
  | { kind: 'oci-layout'; path: string }
  | { kind: 'rootfs'; path: string };

export interface SourceOptions {
  /** `os/arch[/variant]` for multi-platform indexes; linux/amd64 by default. */
  platform?: string;
  /** A tag (docker save) or ref name (OCI layout) when the source holds several images. */
  ref?: string;
}

/** A tar is a docker save archive when it has manifest.json, an OCI archive when it has index.json. */
export async function resolveLayered(
  source: Exclude<ImageSource, { kind: 'rootfs' }>,
  options: SourceOptions = {},
): Promise<ResolvedImage> {
  const oci = {
    ...(options.platform ? { platform: parsePlatform(options.platform) } : {}),
    ...(options.ref !== undefined ? { ref: options.ref } : {}),
  };
  if (source.kind === 'oci-layout') return resolveOciLayout(directoryStore(source.path), 'oci-layout', oci);
  const store = await tarStore(source.path);
  if (await store.has('manifest.json')) return resolveDockerArchive(store, options.ref);
  if (await store.has('index.json')) return resolveOciLayout(store, 'oci-archive', oci);
  throw new UserError('neither manifest.json nor index.json at the top of the archive', {
    file: source.path,
    expected: 'a docker save archive or an OCI image layout in a tar',
  });
}
