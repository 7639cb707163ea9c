import { PassThrough, type Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';

export type Compression = 'gzip' | 'zstd' | 'none';

/** Layers are sniffed rather than trusted to their media type: docker save stores plain tars whatever was pulled. */
export function sniffCompression(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

/**
 * fzstd decompresses whatever it is given at once, so input is fed in small slices and each slice's output is
 * yielded before the next is decoded: an async generator stage waits for its consumer, so a zstd bomb expands no
 * faster than the tar reader and the meter downstream take the bytes.
 */
const ZSTD_SLICE = 256;

async function* zstdStage(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let out: Uint8Array[] = [];
  const decoder = new Decompress((chunk) => {
    out.push(chunk);
  });
  for await (const chunk of source) {
    for (let i = 0; i < chunk.length; i += ZSTD_SLICE) {
      decoder.push(chunk.subarray(i, i + ZSTD_SLICE));
      const ready = out;
      out = [];
      for (const c of ready) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    }
  }
  decoder.push(new Uint8Array(0), true);
  for (const c of out) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

export type Stage = Transform | ((source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>);

export function decompressor(compression: Compression): Stage {
  switch (compression) {
    case 'gzip':
      return createGunzip();
    case 'zstd':
      return zstdStage;
    case 'none':
      return new PassThrough();
  }
}
