import { UserError, type Logger } from '@rampart/core';
import type { Fetch } from '../registry/client.js';
import { resolveRegistry } from '../registry/pull.js';
import { directoryStore, tarStore } from './blob-store.js';
import { resolveDockerArchive } from './docker-archive.js';
import { resolveOciLayout } from './oci-layout.js';
import { parsePlatform } from './platform.js';
import type { ResolvedImage } from './resolved.js';

/** Where an image comes from (the CLI's --tar, --oci-layout and --rootfs). */
export type ImageSource =
  | { kind: 'archive'; path: string }
  | { kind: 'oci-layout'; path: string }
  | { kind: 'rootfs'; path: string }
  | { kind: 'registry'; reference: string };

export interface SourceOptions {
  /** `os/arch[/variant]` for multi-platform indexes; linux/amd64 by default. */
  platform?: string;
  /** A tag (docker save) or ref name (OCI layout) when the source holds several images. */
  ref?: string;
  /** For registry pulls: where credentials are looked up (see findCredentials); nothing is read from process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  dockerConfigDir?: string;
  /** Plain HTTP to the registry (always for localhost and loopback addresses). */
  insecure?: boolean;
  fetch?: Fetch;
  logger?: Logger;
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
  if (source.kind === 'registry') {
    return resolveRegistry(source.reference, {
      env: options.env ?? {},
      ...(oci.platform ? { platform: oci.platform } : {}),
      ...(options.dockerConfigDir ? { dockerConfigDir: options.dockerConfigDir } : {}),
      ...(options.insecure !== undefined ? { insecure: options.insecure } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }
  if (source.kind === 'oci-layout') return resolveOciLayout(directoryStore(source.path), 'oci-layout', oci);
  const store = await tarStore(source.path);
  if (await store.has('manifest.json')) return resolveDockerArchive(store, options.ref);
  if (await store.has('index.json')) return resolveOciLayout(store, 'oci-archive', oci);
  throw new UserError('neither manifest.json nor index.json at the top of the archive', {
    file: source.path,
    expected: 'a docker save archive or an OCI image layout in a tar',
  });
}
