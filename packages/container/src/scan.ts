import { silentLogger } from '@rampart/core';
import { CATALOGERS, catalog, type Cataloger, type Inventory } from '@rampart/inventory';
import { imageFs, type ImageFs } from './image-fs.js';
import { ContentStore } from './layer/content-store.js';
import type { LayerLimits } from './layer/limits.js';
import { assignLayers } from './layers-of-packages.js';
import { detectOs, type DetectedOs } from './os/detect.js';
import { readImage, type LayerSummary } from './read-image.js';
import { resolveLayered, type ImageSource, type SourceOptions } from './sources/open.js';
import { readRootfs } from './sources/rootfs.js';
import { wantedBy } from './wanted.js';

export interface ScanImageOptions extends SourceOptions {
  catalogers?: readonly Cataloger[];
  limits?: Partial<LayerLimits>;
  scratchParent?: string;
  memoryLimit?: number;
  /** The date EOL is judged against; today by default. */
  now?: Date;
}

export interface ImageScan {
  format: string;
  reference?: string;
  manifestDigest?: string;
  os?: DetectedOs;
  inventory: Inventory;
  layers: LayerSummary[];
}

async function openFs(source: ImageSource, options: ScanImageOptions, wants: (path: string) => boolean) {
  if (source.kind === 'rootfs') {
    const tree = await readRootfs(source.path, wants);
    const store = ContentStore.create({ memoryLimit: 0 });
    return { fs: imageFs(tree, store, [source.path], wants), layers: [], format: 'rootfs', dispose: async () => undefined };
  }
  const resolved = await resolveLayered(source, options);
  const contents = await readImage(resolved.layers, {
    wants,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.scratchParent ? { scratchParent: options.scratchParent } : {}),
    ...(options.memoryLimit !== undefined ? { memoryLimit: options.memoryLimit } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { ...resolved, ...contents };
}

/**
 * Reads an image (or rootfs) into a merged filesystem and catalogs it: OS packages and language packages alike,
 * each package marked with the layer that introduced it.
 */
export async function scanImage(source: ImageSource, options: ScanImageOptions = {}): Promise<ImageScan> {
  const logger = options.logger ?? silentLogger;
  const catalogers = options.catalogers ?? CATALOGERS;
  const opened = await openFs(source, options, wantedBy(catalogers));
  try {
    const fs: ImageFs = opened.fs;
    const os = await detectOs(fs, options.now ?? new Date(), logger);
    const inventory = await catalog(fs, { catalogers, logger });
    const scan: ImageScan = {
      format: opened.format,
      inventory: { ...inventory, packages: assignLayers(inventory.packages, fs) },
      layers: opened.layers,
    };
    if ('reference' in opened && opened.reference) scan.reference = opened.reference;
    if ('manifestDigest' in opened && opened.manifestDigest) scan.manifestDigest = opened.manifestDigest;
    if (os) scan.os = os;
    return scan;
  } finally {
    await opened.dispose();
  }
}
