import { open } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';

/*
 * A zip reader for the OSV archives: central directory (with ZIP64 for archives of more than 65535 records, which
 * npm's all.zip is), stored and deflated entries. Entries are only ever decompressed into memory, capped per entry
 * and in total, and their names are never used as paths.
 */

export class ZipError extends Error {
  override readonly name = 'ZipError';
}

/** Reads at offsets of a file or buffer, so a large archive is never held in memory whole. */
export interface RandomAccess {
  readonly size: number;
  read(position: number, length: number): Promise<Buffer>;
}

export function bufferAccess(buf: Buffer): RandomAccess {
  return { size: buf.length, read: (position, length) => Promise.resolve(buf.subarray(position, position + length)) };
}

const WINDOW = 8 * 1024 * 1024;

/**
 * A file read through an 8 MiB window: entries lie one after another, so reading them in directory order costs one
 * read per window instead of two per entry (npm's archive has hundreds of thousands of entries).
 */
export async function fileAccess(path: string): Promise<RandomAccess & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  let windowStart = 0;
  let window: Buffer = Buffer.alloc(0);
  const direct = async (position: number, length: number): Promise<Buffer> => {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  };
  return {
    size,
    async read(position, length) {
      if (position >= windowStart && position + length <= windowStart + window.length) {
        return window.subarray(position - windowStart, position - windowStart + length);
      }
      if (length > WINDOW) return direct(position, length);
      window = await direct(position, Math.min(WINDOW, Math.max(0, size - position)));
      windowStart = position;
      return window.subarray(0, length);
    },
    close: () => handle.close(),
  };
}

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000_000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 16 * 1024 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG = { eocd: 0x06054b50, locator64: 0x07064b50, eocd64: 0x06064b50, central: 0x02014b50, local: 0x04034b50 };
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('ZIP64 value out of range');
  return Number(v);
}

interface Directory {
  entries: number;
  size: number;
  offset: number;
}

async function findDirectory(access: RandomAccess): Promise<Directory> {
  const tailLength = Math.min(access.size, 22 + MAX16);
  const tailStart = access.size - tailLength;
  const tail = await access.read(tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG.eocd) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('no end of central directory record: not a zip archive');
  const dir = { entries: tail.readUInt16LE(at + 10), size: tail.readUInt32LE(at + 12), offset: tail.readUInt32LE(at + 16) };
  if (dir.entries !== MAX16 && dir.size !== MAX32 && dir.offset !== MAX32) return dir;
  const locatorAt = tailStart + at - 20;
  const locator = locatorAt >= 0 ? await access.read(locatorAt, 20) : Buffer.alloc(0);
  if (locator.length < 20 || locator.readUInt32LE(0) !== SIG.locator64) throw new ZipError('ZIP64 locator missing');
  const record = await access.read(u64(locator, 8), 56);
  if (record.length < 56 || record.readUInt32LE(0) !== SIG.eocd64) throw new ZipError('ZIP64 end of central directory missing');
  return { entries: u64(record, 32), size: u64(record, 40), offset: u64(record, 48) };
}

/** Sizes and offset that do not fit 32 bits live in the ZIP64 extra field, in this order, only when saturated. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let p = i + 4;
      const take = (): number => {
        if (p + 8 > i + 4 + len) throw new ZipError(`${entry.name}: truncated ZIP64 extra field`);
        const v = u64(extra, p);
        p += 8;
        return v;
      };
      if (entry.size === MAX32) entry.size = take();
      if (entry.compressedSize === MAX32) entry.compressedSize = take();
      if (entry.localOffset === MAX32) entry.localOffset = take();
      return;
    }
    i += 4 + len;
  }
}

/** The central directory: every entry's name, sizes and where its data is. */
export async function listZip(access: RandomAccess, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipEntry[]> {
  const dir = await findDirectory(access);
  if (dir.entries > limits.maxEntries) throw new ZipError(`${dir.entries} entries, more than the limit of ${limits.maxEntries}`);
  if (dir.offset + dir.size > access.size) throw new ZipError('central directory beyond the end of the archive');
  const cd = await access.read(dir.offset, dir.size);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < dir.entries; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== SIG.central) throw new ZipError(`central directory entry ${n} is corrupt`);
    const nameLen = cd.readUInt16LE(at + 28);
    const extraLen = cd.readUInt16LE(at + 30);
    const commentLen = cd.readUInt16LE(at + 32);
    if (at + 46 + nameLen + extraLen + commentLen > cd.length) throw new ZipError(`central directory entry ${n} is truncated`);
    const entry: ZipEntry = {
      name: cd.toString('utf8', at + 46, at + 46 + nameLen),
      flags: cd.readUInt16LE(at + 8),
      method: cd.readUInt16LE(at + 10),
      crc: cd.readUInt32LE(at + 16),
      compressedSize: cd.readUInt32LE(at + 20),
      size: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
    };
    applyZip64(entry, cd.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen));
    entries.push(entry);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * One entry's bytes, decompressed in memory. Throws ZipError for an entry that is encrypted, uses another
 * compression method, is larger than `maxEntryBytes` or fails its CRC; the caller skips it with that reason.
 */
export async function readZipEntry(access: RandomAccess, entry: ZipEntry, maxEntryBytes: number): Promise<Buffer> {
  if (entry.flags & 0x1) throw new ZipError(`${entry.name}: encrypted`);
  if (entry.size > maxEntryBytes || entry.compressedSize > maxEntryBytes) {
    const size = Math.max(entry.size, entry.compressedSize);
    throw new ZipError(`${entry.name}: ${size} bytes, more than the limit of ${maxEntryBytes}`);
  }
  const header = await access.read(entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== SIG.local) throw new ZipError(`${entry.name}: local header missing`);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = await access.read(start, entry.compressedSize);
  if (raw.length !== entry.compressedSize) throw new ZipError(`${entry.name}: truncated`);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, maxEntryBytes) });
    } catch (e) {
      throw new ZipError(`${entry.name}: cannot inflate (${e instanceof Error ? e.message : String(e)})`);
    }
  } else throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported`);
  if (data.length !== entry.size) throw new ZipError(`${entry.name}: ${data.length} bytes, the directory says ${entry.size}`);
  if (crc32(data) !== entry.crc) throw new ZipError(`${entry.name}: CRC mismatch`);
  return data;
}

export type ZipItem = { name: string; data: Buffer } | { name: string; problem: string };

/**
 * Every entry `want` accepts, in directory order: its bytes, or why it was skipped. Stops with a ZipError once
 * the entries read add up to more than `maxTotalBytes` (a zip bomb, or not the archive we asked for).
 */
export async function* zipEntries(access: RandomAccess, want: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): AsyncGenerator<ZipItem> {
  let total = 0;
  for (const entry of await listZip(access, limits)) {
    if (entry.name.endsWith('/') || !want(entry.name)) continue;
    try {
      const data = await readZipEntry(access, entry, limits.maxEntryBytes);
      total += data.length;
      if (total > limits.maxTotalBytes) throw new ZipError(`archive expands to more than ${limits.maxTotalBytes} bytes`);
      yield { name: entry.name, data };
    } catch (e) {
      if (e instanceof ZipError && !/expands to more than/.test(e.message)) yield { name: entry.name, problem: e.message };
      else throw e;
    }
  }
}
