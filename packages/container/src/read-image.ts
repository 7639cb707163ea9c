import { silentLogger, type Logger } from '@rampart/core';
import { applyLayer, type AppliedLayer } from './layer/apply-layer.js';
import { ContentStore } from './layer/content-store.js';
import { DEFAULT_LIMITS, type LayerLimits } from './layer/limits.js';
import type { LayerBlob } from './layer/types.js';
import { imageFs, type ImageFs } from './image-fs.js';
import { ImageTree } from './tree/image-tree.js';

export interface ReadImageOptions {
  /** Which files' content to keep, by canonical path inside the image. */
  wants: (path: string) => boolean;
  limits?: Partial<LayerLimits>;
  /** Where the scratch directory for large kept files is created (the OS temp dir by default). */
  scratchParent?: string;
  /** Files up to this size are kept in memory rather than in the scratch directory. */
  memoryLimit?: number;
  logger?: Logger;
}

export interface LayerSummary extends AppliedLayer {
  id: string;
  label: string;
}

export interface ImageContents {
  fs: ImageFs;
  layers: LayerSummary[];
  /** Deletes the scratch directory; the fs cannot read scratch files afterwards. */
  dispose(): Promise<void>;
}

/** Applies the layers in order, bottom first, into one merged tree. */
export async function readImage(blobs: readonly LayerBlob[], options: ReadImageOptions): Promise<ImageContents> {
  const tree = new ImageTree();
  const store = ContentStore.create({
    memoryLimit: options.memoryLimit ?? 1024 * 1024,
    ...(options.scratchParent ? { parent: options.scratchParent } : {}),
  });
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger ?? silentLogger;
  const retained = { bytes: 0 };
  const layers: LayerSummary[] = [];
  try {
    for (const [index, blob] of blobs.entries()) {
      logger.debug(`layer ${index}: ${blob.label}`);
      const expandedBefore = layers.reduce((sum, l) => sum + l.expandedSize, 0);
      const ctx = { tree, store, index, label: blob.label, wants: options.wants, limits, logger, retained, expandedBefore };
      layers.push({ id: blob.id, label: blob.label, ...(await applyLayer(blob, ctx)) });
    }
  } catch (err) {
    await store.dispose();
    throw err;
  }
  return { fs: imageFs(tree, store, blobs.map((b) => b.id), options.wants), layers, dispose: () => store.dispose() };
}
