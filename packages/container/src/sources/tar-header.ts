import { UserError } from '@rampart/core';

/** One header block of a tar archive (POSIX ustar, with GNU and pax extensions handled by the caller). */
export interface TarHeader {
  name: string;
  size: number;
  /** The typeflag character: '0' file, '1' hard link, '2' symlink, '5' directory, 'x' pax, 'L' GNU long name ... */
  type: string;
  linkname: string;
}

const BLOCK = 512;

function text(block: Uint8Array, start: number, length: number): string {
  const slice = block.subarray(start, start + length);
  const nul = slice.indexOf(0);
  return new TextDecoder().decode(nul < 0 ? slice : slice.subarray(0, nul));
}

/** Numeric fields are octal ASCII, or big-endian base-256 when the first byte has its high bit set (GNU). */
function numeric(block: Uint8Array, start: number, length: number, where: string): number {
  const first = block[start] ?? 0;
  if (first & 0x80) {
    let value = first & 0x7f;
    for (let i = 1; i < length; i++) {
      value = value * 256 + (block[start + i] ?? 0);
      if (value > Number.MAX_SAFE_INTEGER) throw new UserError(`size field too large`, { file: where, expected: 'a tar archive' });
    }
    return value;
  }
  const digits = text(block, start, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) {
    throw new UserError(`numeric field holds ${JSON.stringify(digits)}`, { file: where, expected: 'octal digits in a tar header' });
  }
  return parseInt(digits, 8);
}

export function isZeroBlock(block: Uint8Array): boolean {
  return block.every((b) => b === 0);
}

/**
 * Decodes a 512-byte header block. `where` names the archive and offset for messages. The checksum is verified, so
 * a file that is not a tar archive is refused at its first block instead of being misread.
 */
export function parseTarHeader(block: Uint8Array, where: string): TarHeader {
  if (block.length !== BLOCK) throw new UserError('truncated header', { file: where, expected: 'a 512-byte tar header' });
  const stored = numeric(block, 148, 8, where);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  if (sum !== stored) throw new UserError('header checksum does not match', { file: where, expected: 'a tar archive' });
  const magic = text(block, 257, 6);
  // Only POSIX ustar has a prefix field; GNU tar's magic is "ustar  " and uses those bytes for other things.
  const prefix = magic === 'ustar' && block[345] !== 0 ? text(block, 345, 155) : '';
  const name = text(block, 0, 100);
  const typeByte = block[156] ?? 0;
  return {
    name: prefix ? `${prefix}/${name}` : name,
    size: numeric(block, 124, 12, where),
    type: typeByte === 0 ? '0' : String.fromCharCode(typeByte),
    linkname: text(block, 157, 100),
  };
}

/** Pax extended header records: `<length> <key>=<value>\n`, the length counting the whole record. */
export function parsePaxRecords(data: Uint8Array, where: string): Map<string, string> {
  const out = new Map<string, string>();
  const decoder = new TextDecoder();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const length = Number(decoder.decode(data.subarray(pos, space)));
    if (!Number.isInteger(length) || length <= space - pos || pos + length > data.length) {
      throw new UserError('malformed pax record', { file: where, expected: '"<length> <key>=<value>" records' });
    }
    const record = decoder.decode(data.subarray(space + 1, pos + length - 1));
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    pos += length;
  }
  return out;
}
