import { constants, promises as fs } from 'node:fs';

/** Git's own heuristic looks at the first 8000 bytes for a NUL; this is the same idea, rounded up. */
export const SAMPLE_BYTES = 8192;

/** Below this, a long line is more likely a data literal than a bundle. */
const MINIFIED_MIN_SAMPLE = 1024;
/** Hand-written code averages well under 100 characters a line; bundlers emit thousands. */
const MINIFIED_AVG_LINE = 300;

// O_NOFOLLOW closes the gap between lstat and open: a file swapped for a symlink meanwhile is refused, not followed.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** Reads at most the first SAMPLE_BYTES of a file, so deciding never costs more than one small read. */
export async function readSample(absPath: string): Promise<Buffer> {
  const handle = await fs.open(absPath, OPEN_FLAGS);
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    let filled = 0;
    while (filled < buf.length) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buf.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

export function looksBinary(sample: Uint8Array): boolean {
  return sample.includes(0);
}

/**
 * A bundle has few, very long lines. Judged on the sample only: a license banner followed by one huge line still
 * averages far above the threshold, while a normal file with one long data URI does not.
 */
export function looksMinified(sample: Uint8Array): boolean {
  if (sample.length < MINIFIED_MIN_SAMPLE) return false;
  let newlines = 0;
  for (const byte of sample) if (byte === 0x0a) newlines++;
  return sample.length / (newlines + 1) > MINIFIED_AVG_LINE;
}
