import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';

type Pack = ReturnType<typeof tar.pack>;

/** Writes one entry and waits for tar-stream to take it, streaming file content rather than buffering it. */
export async function addEntry(pack: Pack, header: Parameters<Pack['entry']>[0], content?: string | Uint8Array | NodeJS.ReadableStream): Promise<void> {
  if (content === undefined || typeof content === 'string' || content instanceof Uint8Array) {
    await new Promise<void>((resolve, reject) => {
      pack.entry(header, content ?? '', (err) => (err ? reject(err) : resolve()));
    });
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
    pipeline(content, sink as unknown as NodeJS.WritableStream).catch(reject);
  });
}

/**
 * Tars a directory as an image layer (uncompressed, names relative, directories before their content, hard links
 * to the first path of an inode, device nodes as device entries), as `docker save` stores layers.
 */
export async function packDirectory(dir: string, out: string): Promise<void> {
  const pack = tar.pack();
  const written = pipeline(pack as unknown as NodeJS.ReadableStream, createWriteStream(out));
  const inodes = new Map<string, string>();
  const walk = async (rel: string): Promise<void> => {
    const names = (await readdir(rel === '' ? dir : join(dir, rel))).sort();
    for (const name of names) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const full = join(dir, path);
      const st = await lstat(full);
      const base = { name: path, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: st.mtime };
      if (st.isDirectory()) {
        await addEntry(pack, { ...base, type: 'directory' });
        await walk(path);
      } else if (st.isSymbolicLink()) {
        await addEntry(pack, { ...base, type: 'symlink', linkname: await readlink(full) });
      } else if (st.isFile()) {
        const key = `${st.dev}:${st.ino}`;
        const first = st.nlink > 1 ? inodes.get(key) : undefined;
        if (first) {
          await addEntry(pack, { ...base, type: 'link', linkname: first });
          continue;
        }
        if (st.nlink > 1) inodes.set(key, path);
        await addEntry(pack, { ...base, type: 'file', size: st.size }, createReadStream(full));
      } else if (st.isCharacterDevice() || st.isBlockDevice()) {
        await addEntry(pack, { ...base, type: st.isCharacterDevice() ? 'character-device' : 'block-device', devmajor: Math.floor(st.rdev / 256), devminor: st.rdev % 256 });
      } else if (st.isFIFO()) {
        await addEntry(pack, { ...base, type: 'fifo' });
      }
    }
  };
  await walk('');
  pack.finalize();
  await written;
}
