import { pipeline } from 'node:stream/promises';
import { ServiceError, UserError } from '@rampart/core';
import tar from 'tar-stream';
import { decompressor, sniffCompression, type Compression } from './decompress.js';
import { DigestMismatchError, verifyDigest } from './digest.js';
import { applyEntry, type LayerContext } from './entry.js';
import { LayerLimitError } from './limits.js';
import { LayerMeter } from './meter.js';
import type { LayerBlob } from './types.js';

export interface AppliedLayer {
  compression: Compression;
  /** Bytes as stored and after decompression. */
  size: number;
  expandedSize: number;
}

/**
 * Turns what went wrong while streaming a layer into an error for the user: the layer and the entry being read
 * when it happened. Errors of our own code (TypeError and friends) and of the host (a full disk) stay as they are.
 */
function classify(err: unknown, ctx: LayerContext, entry: string): unknown {
  if (err instanceof UserError || err instanceof ServiceError) return err;
  const where = { file: `layer ${ctx.label}` };
  if (err instanceof DigestMismatchError) {
    return new UserError(err.message, { ...where, expected: 'content matching the digest in the manifest' });
  }
  if (err instanceof LayerLimitError) return new UserError(`entry ${JSON.stringify(entry)}: ${err.message}`, where);
  if (err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError) return err;
  if (err instanceof Error && 'syscall' in err) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new UserError(`entry ${JSON.stringify(entry)}: cannot be read: ${message}`, {
    ...where,
    expected: 'a complete tar archive (plain, gzip or zstd)',
  });
}

/**
 * Streams one layer into the merged tree: stored bytes -> digest check -> decompression -> tar entries, with
 * meters that stop a bomb while it expands. Nothing is buffered beyond the streams' own high-water marks, so
 * memory stays flat however large the layer.
 */
export async function applyLayer(blob: LayerBlob, ctx: LayerContext): Promise<AppliedLayer> {
  const meter = new LayerMeter(ctx.limits, ctx.expandedBefore);
  const compression = sniffCompression(await blob.head(4));
  const extract = tar.extract();
  const source = blob.open();
  const verify = blob.expectedDigest ? [verifyDigest(blob.expectedDigest)] : [];
  // Node's pipeline takes async generator stages and streamx streams (tar-stream's) at run time; its types do not.
  const stages = [source, meter.input(), ...verify, decompressor(compression), meter.output(), extract];
  const piping = pipeline(stages as unknown as NodeJS.ReadWriteStream[]);
  // Awaited below; when the entry loop fails first, this rejection only repeats that failure.
  piping.catch(() => undefined);
  let current = '(before the first entry)';
  try {
    for await (const entry of extract) {
      current = entry.header.name;
      await applyEntry(ctx, entry);
      current = `(after ${entry.header.name})`;
    }
    await piping;
  } catch (err) {
    source.destroy();
    throw classify(err, ctx, current);
  }
  return { compression, size: meter.compressed, expandedSize: meter.expanded };
}
