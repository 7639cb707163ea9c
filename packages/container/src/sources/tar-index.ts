import { open, type FileHandle } from 'node:fs/promises';
import { UserError } from '@rampart/core';
import { sniffCompression } from '../layer/decompress.js';
import { normalizeEntryName } from '../tree/paths.js';
import { isZeroBlock, parsePaxRecords, parseTarHeader } from './tar-header.js';

export interface TarMember {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  /** Byte offset of the member's data in the archive. */
  offset: number;
  size: number;
  linkname: string;
}

const BLOCK = 512;
/** Long names and pax records are a few hundred bytes; anything far larger is not a real image archive. */
const MAX_META = 1024 * 1024;
const MAX_MEMBERS = 1_000_000;

const TYPES: Record<string, TarMember['type']> = { '0': 'file', '7': 'file', '1': 'hardlink', '2': 'symlink', '5': 'dir' };

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}

/**
 * Lists the members of an outer archive (a `docker save` tar, an OCI archive) by reading only its headers and
 * seeking past data, so a multi-gigabyte archive is indexed without reading its layers. Layers are then streamed
 * straight from their offsets. Names are normalised like layer entries; members are keyed by that name.
 */
export async function indexTar(file: string): Promise<Map<string, TarMember>> {
  const fh = await open(file, 'r');
  try {
    const total = (await fh.stat()).size;
    const magic = await readAt(fh, 0, 4);
    const compression = sniffCompression(magic);
    if (compression !== 'none') {
      // Reading layers from their offsets needs a seekable archive; a compressed one would have to be inflated whole.
      throw new UserError(`the archive is ${compression}-compressed`, {
        file,
        expected: `an uncompressed tar (${compression === 'gzip' ? 'gunzip' : 'unzstd'} it first, or pipe docker save straight to a file)`,
      });
    }
    const members = new Map<string, TarMember>();
    let offset = 0;
    let longName: string | undefined;
    let longLink: string | undefined;
    let pax: Map<string, string> | undefined;
    let ended = false;
    while (offset + BLOCK <= total) {
      const where = `${file} (header at byte ${offset})`;
      const block = await readAt(fh, offset, BLOCK);
      if (isZeroBlock(block)) {
        ended = true;
        break;
      }
      const header = parseTarHeader(block, where);
      const dataStart = offset + BLOCK;
      const size = pax?.has('size') ? Number(pax.get('size')) : header.size;
      if (!Number.isSafeInteger(size) || size < 0 || dataStart + size > total) {
        throw new UserError(`member ${JSON.stringify(header.name)} declares ${size} bytes past the end of the archive`, {
          file,
          expected: 'a complete tar archive',
        });
      }
      offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
      if (header.type === 'x' || header.type === 'g' || header.type === 'L' || header.type === 'K') {
        if (size > MAX_META) throw new UserError(`extended header of ${size} bytes`, { file: where, expected: `at most ${MAX_META}` });
        const data = await readAt(fh, dataStart, size);
        if (header.type === 'x') pax = parsePaxRecords(data, where);
        else if (header.type === 'L') longName = new TextDecoder().decode(data).replace(/\0+$/, '');
        else if (header.type === 'K') longLink = new TextDecoder().decode(data).replace(/\0+$/, '');
        continue;
      }
      const rawName = pax?.get('path') ?? longName ?? header.name;
      const linkname = pax?.get('linkpath') ?? longLink ?? header.linkname;
      pax = longName = longLink = undefined;
      const name = normalizeEntryName(rawName);
      if (name === null) {
        throw new UserError(`member ${JSON.stringify(rawName)} climbs out of the archive`, { file, expected: 'relative member names' });
      }
      if (name === undefined) continue;
      if (members.size >= MAX_MEMBERS) throw new UserError(`more than ${MAX_MEMBERS} members`, { file, expected: 'an image archive' });
      members.set(name, { name, type: TYPES[header.type] ?? 'other', offset: dataStart, size, linkname });
    }
    // Writers may omit the end-of-archive blocks, but a header cut short means the archive was truncated.
    if (!ended && offset < total) {
      throw new UserError(`archive ends inside the header at byte ${offset}`, { file, expected: 'a complete tar archive' });
    }
    return members;
  } finally {
    await fh.close();
  }
}
