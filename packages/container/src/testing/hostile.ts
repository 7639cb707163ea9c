import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Duplex, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { writeDockerSave } from './docker-save.js';
import { addEntry } from './pack-dir.js';

type Header = Parameters<ReturnType<typeof tar.pack>['entry']>[0];
export interface LayerEntry {
  header: Header;
  content?: string | Uint8Array;
}

/** A small layer tar, in memory, exactly as listed: tar-stream writes hostile names as given. */
export async function layerTar(entries: readonly LayerEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of pack as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const e of entries) await addEntry(pack, e.header, e.content);
  pack.finalize();
  await collected;
  return Buffer.concat(chunks);
}

/**
 * A ustar header block (a regular file unless `typeflag` says otherwise) whose size field is written in GNU
 * base-256, so it can claim sizes octal cannot (a terabyte). No data follows it: the point is what a reader does
 * with the claim.
 */
export function hugeFileHeader(name: string, size: bigint, typeflag = '0'): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, 'utf8');
  block.write('0000644\0', 100, 'ascii');
  block.write('0000000\0', 108, 'ascii');
  block.write('0000000\0', 116, 'ascii');
  block[124] = 0x80;
  let rest = size;
  for (let i = 135; i > 124; i--) {
    block[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  block.write('00000000000\0', 136, 'ascii');
  block[156] = typeflag.charCodeAt(0);
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/**
 * A compressed layer holding one file of `size` zero bytes: gzip compresses it about 1000:1, zstd far more; either
 * is a decompression bomb. zstd comes from the `zstd` tool (Node has no zstd compressor).
 */
export async function bombLayer(out: string, entryName: string, size: number, compression: 'gzip' | 'zstd' = 'gzip'): Promise<void> {
  const pack = tar.pack();
  const compressor = compression === 'gzip' ? createGzip({ level: 9 }) : zstdProcess();
  const written = pipeline(pack as unknown as NodeJS.ReadableStream, compressor, createWriteStream(out));
  const zeros = Buffer.alloc(1024 * 1024);
  const chunks = Math.ceil(size / zeros.length);
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < chunks; i++) yield zeros;
    })(),
  );
  await addEntry(pack, { name: entryName, size: chunks * zeros.length }, source);
  pack.finalize();
  await written;
}

function zstdProcess(): Duplex {
  const child = spawn('zstd', ['-q', '-c', '-3'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return Duplex.from({ writable: child.stdin, readable: child.stdout });
}

/** Wraps layer files (or in-memory layers) into a docker save archive, the way a user would hand one over. */
export async function archiveOf(dir: string, name: string, layers: readonly (Buffer | string)[]): Promise<string> {
  const files: string[] = [];
  for (const [i, layer] of layers.entries()) {
    if (typeof layer === 'string') files.push(layer);
    else {
      const file = join(dir, `${name}-layer${i}.tar`);
      await writeFile(file, layer);
      files.push(file);
    }
  }
  const out = join(dir, `${name}.tar`);
  await writeDockerSave(out, files, { tag: `hostile/${name}:latest`, layout: 'legacy' });
  return out;
}
