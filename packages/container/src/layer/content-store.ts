import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ContentRef } from '../tree/nodes.js';

export interface ContentStoreOptions {
  /** Directory under which the scratch directory is created; the OS temp dir by default. */
  parent?: string;
  /** Files up to this size stay in memory. */
  memoryLimit: number;
}

/**
 * Holds the content of the files catalogers need. Small files stay in memory; larger ones are copied into a scratch
 * directory this store creates and deletes. Scratch files are named by a counter, never by the entry's name, so no
 * name in a layer can make a write land anywhere else.
 */
export class ContentStore {
  private dir: string | undefined;
  private counter = 0;

  private constructor(
    private readonly options: ContentStoreOptions,
    private readonly parent: string,
  ) {}

  static create(options: ContentStoreOptions): ContentStore {
    return new ContentStore(options, options.parent ?? tmpdir());
  }

  /** The scratch directory, once a file was too large for memory. */
  get scratchDir(): string | undefined {
    return this.dir;
  }

  async keep(source: AsyncIterable<Buffer>, size: number): Promise<ContentRef> {
    if (size <= this.options.memoryLimit) {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of source) {
        total += chunk.length;
        if (total > size) throw new Error(`entry longer than its header's ${size} bytes`);
        chunks.push(chunk);
      }
      return { kind: 'memory', data: new Uint8Array(Buffer.concat(chunks, total)) };
    }
    this.dir ??= await mkdtemp(join(this.parent, `rampart-image-${randomBytes(4).toString('hex')}-`));
    const path = join(this.dir, String(this.counter++));
    await pipeline(source, createWriteStream(path, { flags: 'wx' }));
    return { kind: 'disk', path, size };
  }

  async read(ref: ContentRef): Promise<Uint8Array> {
    return ref.kind === 'memory' ? ref.data : new Uint8Array(await readFile(ref.path));
  }

  async dispose(): Promise<void> {
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
