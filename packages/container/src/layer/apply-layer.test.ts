import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImage } from '../read-image.js';
import { layerTar } from '../testing/hostile.js';
import { digestOf } from './digest.js';
import type { LayerBlob } from './types.js';

function blobOf(bytes: Uint8Array, verify: boolean): LayerBlob {
  return {
    id: 'fuzz',
    label: 'fuzz-layer',
    ...(verify ? { expectedDigest: digestOf(bytes) } : {}),
    head: async (n) => bytes.subarray(0, n),
    open: () => new PassThrough().end(Buffer.from(bytes)),
  };
}

async function readsOrRefuses(bytes: Uint8Array, verify = false): Promise<void> {
  try {
    const image = await readImage([blobOf(bytes, verify)], { wants: () => true, memoryLimit: 64 });
    await image.dispose();
  } catch (err) {
    expect(err, String(err)).toBeInstanceOf(UserError);
    expect(String(err)).toContain('fuzz-layer');
  }
}

describe('layer reader on damaged input (fuzz)', () => {
  it('a mutated, truncated or random layer (plain or gzip) is read or refused with a UserError naming it', async () => {
    const tar = await layerTar([
      { header: { name: 'etc/os-release' }, content: 'ID=debian\n' },
      { header: { name: 'lib', type: 'symlink', linkname: 'usr/lib' } },
      { header: { name: 'usr/lib/x/package.json' }, content: '{"name":"x","version":"1.0.0"}' },
      { header: { name: 'usr/lib/.wh.y' } },
      { header: { name: 'h', type: 'link', linkname: 'etc/os-release' } },
    ]);
    const gz = gzipSync(tar);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(tar, gz),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (base, edits, cut) => {
          const bytes = new Uint8Array(base);
          for (const [at, byte] of edits) bytes[at % bytes.length] = byte;
          await readsOrRefuses(cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length));
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), (random) => readsOrRefuses(random)), { numRuns: 200 });
  });

  it('a layer changed after its digest was taken is refused even when it still parses', async () => {
    const tar = await layerTar([{ header: { name: 'a.txt' }, content: 'hello' }]);
    const blob = blobOf(tar, true);
    const changed = Buffer.from(tar);
    changed[512] = 'j'.charCodeAt(0);
    const tampered: LayerBlob = { ...blob, open: () => new PassThrough().end(changed) };
    await expect(readImage([tampered], { wants: () => true })).rejects.toThrow(/fuzz-layer: content hashes to/);
  });
});
