import { UserError } from '@rampart/core';

/**
 * Tags of an rpm header this cataloger reads (rpm's include/rpm/rpmtag.h; the header structure is described in
 * rpm's doc/manual/format.md: an index of 16-byte entries {tag, type, offset, count}, big-endian, then a data store).
 */
export const TAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  LICENSE: 1014,
  ARCH: 1022,
  SOURCERPM: 1044,
  PROVIDENAME: 1047,
  REQUIRENAME: 1049,
  DIRINDEXES: 1116,
  BASENAMES: 1117,
  DIRNAMES: 1118,
} as const;

const TYPE = { INT32: 4, STRING: 6, STRING_ARRAY: 8, I18NSTRING: 9 } as const;
/** Real headers have a few hundred entries and a few megabytes of data; beyond this the blob is not a header. */
const MAX_ENTRIES = 100_000;

export type HeaderValue = string | string[] | number[];

function fail(where: string, message: string): UserError {
  return new UserError(message, { file: where, expected: 'rpm headers in the Packages table' });
}

function strings(store: Uint8Array, offset: number, count: number, where: string): string[] {
  const out: string[] = [];
  const decoder = new TextDecoder();
  let pos = offset;
  for (let i = 0; i < count; i++) {
    const end = store.indexOf(0, pos);
    if (end < 0) throw fail(where, 'string without its terminating NUL');
    out.push(decoder.decode(store.subarray(pos, end)));
    pos = end + 1;
  }
  return out;
}

/**
 * Decodes the entries of one header blob as rpm stores it in rpmdb.sqlite (without the 8-byte magic of a header in
 * a package file): `il` and `dl` counts, `il` index entries, `dl` bytes of data. Only the types the tags above use
 * are decoded; others are skipped.
 */
export function parseRpmHeader(blob: Uint8Array, where: string): Map<number, HeaderValue> {
  if (blob.length < 8) throw fail(where, 'header shorter than its counts');
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const il = view.getUint32(0);
  const dl = view.getUint32(4);
  if (il > MAX_ENTRIES || 8 + il * 16 + dl !== blob.length) {
    throw fail(where, `header counts (${il} entries, ${dl} data bytes) do not match its ${blob.length} bytes`);
  }
  const store = blob.subarray(8 + il * 16);
  const out = new Map<number, HeaderValue>();
  for (let i = 0; i < il; i++) {
    const at = 8 + i * 16;
    const tag = view.getUint32(at);
    const type = view.getUint32(at + 4);
    const offset = view.getUint32(at + 8);
    const count = view.getUint32(at + 12);
    if (offset >= dl && count > 0) throw fail(where, `entry for tag ${tag} points past the data`);
    if (type === TYPE.STRING) out.set(tag, strings(store, offset, 1, where)[0] as string);
    else if (type === TYPE.STRING_ARRAY || type === TYPE.I18NSTRING) {
      if (count > dl) throw fail(where, `entry for tag ${tag} counts more strings than bytes`);
      const list = strings(store, offset, count, where);
      out.set(tag, type === TYPE.I18NSTRING ? (list[0] ?? '') : list);
    } else if (type === TYPE.INT32) {
      if (offset + count * 4 > dl) throw fail(where, `entry for tag ${tag} runs past the data`);
      const ints: number[] = [];
      const data = new DataView(store.buffer, store.byteOffset + offset, count * 4);
      for (let j = 0; j < count; j++) ints.push(data.getInt32(j * 4));
      out.set(tag, ints);
    }
  }
  return out;
}
