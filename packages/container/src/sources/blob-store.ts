import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UserError } from '@rampart/core';
import { normalizeEntryName } from '../tree/paths.js';
import { indexTar, type TarMember } from './tar-index.js';

/** The files of an image layout or archive, by relative path: a directory on disk or members of a tar. */
export interface BlobStore {
  /** The directory or archive, for messages. */
  readonly location: string;
  has(path: string): Promise<boolean>;
  head(path: string, bytes: number): Promise<Uint8Array>;
  open(path: string): Readable;
  /** Reads a small file whole (JSON documents), refusing anything above `max` bytes. */
  readSmall(path: string, max: number): Promise<Uint8Array>;
}

function missing(location: string, path: string): UserError {
  return new UserError(`no ${path}`, { file: location, expected: `${path} in the image layout` });
}

function safe(location: string, path: string): string {
  const normal = normalizeEntryName(path);
  if (!normal) throw new UserError(`path ${JSON.stringify(path)} leaves the image layout`, { file: location });
  return normal;
}

function tooLarge(location: string, path: string, size: number, max: number): UserError {
  return new UserError(`${path} is ${size} bytes`, { file: location, expected: `a document of at most ${max} bytes` });
}

export function directoryStore(root: string): BlobStore {
  const full = (path: string) => join(root, safe(root, path));
  return {
    location: root,
    has: async (path) => (await stat(full(path)).catch(() => undefined))?.isFile() ?? false,
    async head(path, bytes) {
      const fh = await open(full(path), 'r');
      try {
        const buf = new Uint8Array(bytes);
        const { bytesRead } = await fh.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
    open: (path) => createReadStream(full(path)),
    async readSmall(path, max) {
      const info = await stat(full(path)).catch(() => undefined);
      if (!info?.isFile()) throw missing(root, path);
      if (info.size > max) throw tooLarge(root, path, info.size, max);
      const fh = await open(full(path), 'r');
      try {
        return new Uint8Array(await fh.readFile());
      } finally {
        await fh.close();
      }
    },
  };
}

/** Follows symlinks and hard links between members (docker save links repeated layers to one copy). */
function member(members: Map<string, TarMember>, path: string): TarMember | undefined {
  let current = normalizeEntryName(path);
  for (let hops = 0; hops < 16 && current; hops++) {
    const m = members.get(current);
    if (!m || (m.type !== 'symlink' && m.type !== 'hardlink')) return m;
    const base = m.type === 'symlink' ? current.split('/').slice(0, -1).join('/') : '';
    current = normalizeEntryName(m.linkname.startsWith('/') ? m.linkname : `${base}/${m.linkname}`);
  }
  return undefined;
}

export async function tarStore(file: string): Promise<BlobStore> {
  const members = await indexTar(file);
  const get = (path: string) => {
    const m = member(members, path);
    if (m?.type !== 'file') throw missing(file, path);
    return m;
  };
  const slice = async (m: TarMember, length: number) => {
    const fh = await open(file, 'r');
    try {
      const buf = new Uint8Array(length);
      const { bytesRead } = await fh.read(buf, 0, length, m.offset);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  };
  return {
    location: file,
    has: async (path) => member(members, path)?.type === 'file',
    head: async (path, bytes) => {
      const m = get(path);
      return slice(m, Math.min(bytes, m.size));
    },
    open: (path) => {
      const m = get(path);
      // createReadStream cannot express a zero-length range (its `end` is inclusive).
      if (m.size === 0) return Readable.from([]);
      return createReadStream(file, { start: m.offset, end: m.offset + m.size - 1 });
    },
    readSmall: async (path, max) => {
      const m = get(path);
      if (m.size > max) throw tooLarge(file, path, m.size, max);
      return slice(m, m.size);
    },
  };
}
