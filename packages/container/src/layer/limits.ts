/** Caps that keep a hostile or broken image from exhausting memory, disk or time. */
export interface LayerLimits {
  /** Largest size one entry may declare (a tar header can claim petabytes). */
  maxEntryBytes: number;
  /** Largest uncompressed size of one layer. */
  maxLayerBytes: number;
  /** Largest uncompressed size of all layers together. */
  maxImageBytes: number;
  /** Largest uncompressed:compressed ratio, checked once a layer has expanded past `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Largest total of file content kept for catalogers (memory and scratch directory together). */
  maxRetainedBytes: number;
}

/**
 * Defaults sized for real images: multi-gigabyte layers (CUDA, ML models) pass; a gzip bomb does not, because
 * gzip's best real ratio on ordinary content is far below 200:1 over hundreds of megabytes, while a bomb reaches
 * about 1000:1.
 */
export const DEFAULT_LIMITS: LayerLimits = {
  maxEntryBytes: 16 * 1024 ** 3,
  maxLayerBytes: 64 * 1024 ** 3,
  maxImageBytes: 256 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 256 * 1024 ** 2,
  maxRetainedBytes: 4 * 1024 ** 3,
};

/** A cap was hit; the layer reader turns it into a `UserError` naming the layer and the entry being read. */
export class LayerLimitError extends Error {
  override readonly name = 'LayerLimitError';
}
