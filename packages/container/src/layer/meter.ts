import { Transform, type TransformCallback } from 'node:stream';
import { LayerLimitError, type LayerLimits } from './limits.js';

/** Bytes in (as stored) and out (decompressed) of one layer, to catch bombs while they expand. */
export class LayerMeter {
  compressed = 0;
  expanded = 0;

  /** `before`: what the image's lower layers expanded to, counted against the image-wide cap. */
  constructor(
    private readonly limits: LayerLimits,
    private readonly before = 0,
  ) {}

  /** Counts the stored bytes of the layer as they are read. */
  input(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _enc, cb: TransformCallback) => {
        this.compressed += chunk.length;
        cb(null, chunk);
      },
    });
  }

  /** Counts decompressed bytes and fails as soon as the layer grows past a cap. */
  output(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _enc, cb: TransformCallback) => {
        this.expanded += chunk.length;
        cb(this.check(), chunk);
      },
    });
  }

  check(): LayerLimitError | null {
    const { maxLayerBytes, maxImageBytes, maxRatio, ratioFloorBytes } = this.limits;
    if (this.expanded > maxLayerBytes) {
      return new LayerLimitError(`layer expands to more than ${maxLayerBytes} bytes`);
    }
    if (this.before + this.expanded > maxImageBytes) {
      return new LayerLimitError(`image expands to more than ${maxImageBytes} bytes`);
    }
    if (this.expanded > ratioFloorBytes && this.expanded > this.compressed * maxRatio) {
      return new LayerLimitError(
        `layer expands more than ${maxRatio} times (${this.compressed} bytes became ${this.expanded}): a decompression bomb`,
      );
    }
    return null;
  }
}
