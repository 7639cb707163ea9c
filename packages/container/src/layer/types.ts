import type { Readable } from 'node:stream';

/** One layer as an image source hands it to the reader: stored bytes, possibly compressed. */
export interface LayerBlob {
  /** What `Package.layer` records: the layer's digest (or diff id) when known, else its path in the archive. */
  id: string;
  /** How a message names it to the user: `blobs/sha256/ab12... in image.tar`. */
  label: string;
  /** Digest the stored bytes must hash to; verified while streaming. */
  expectedDigest?: string;
  /** The first bytes, to sniff the compression. */
  head(bytes: number): Promise<Uint8Array>;
  open(): Readable;
}
