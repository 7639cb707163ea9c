import type { LayerBlob } from '../layer/types.js';
import type { ImageConfig } from './schemas.js';

/** An image source reduced to what the reader needs: its layers in order, bottom first, and its config. */
export interface ResolvedImage {
  /** `docker-archive`, `oci-layout`, `oci-archive`. */
  format: string;
  /** Which image of the source was chosen: a tag, a ref name or a manifest digest. */
  reference?: string;
  manifestDigest?: string;
  config?: ImageConfig;
  layers: LayerBlob[];
}
