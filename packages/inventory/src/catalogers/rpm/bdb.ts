import { UserError } from '@rampart/core';

/**
 * Reads the values of a Berkeley DB hash database, as rpm before 4.16 kept `var/lib/rpm/Packages` (RHEL/CentOS 7 and
 * 8, UBI 8, Amazon Linux 2). Written from Berkeley DB's page layout (dbinc/db_page.h): a metadata page, then pages
 * of 26-byte header + item index; hash pages hold key/data item pairs, a large data item lives off-page in a chain
 * of overflow pages. Every hash page is scanned rather than following buckets: rpm's keys are unique, so the set of
 * pairs is the same and a damaged bucket chain loses nothing.
 */
const HASH_MAGIC = 0x061561;
const PAGE_HEADER = 26;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const P_HASHMETA = 8;
const P_HASH = 13;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;
/** A header is at most a few megabytes; rpm itself refuses headers above 256 MiB. */
const MAX_VALUE = 256 * 1024 * 1024;

export interface BdbPair {
  key: Uint8Array;
  value: Uint8Array;
}

function fail(file: string, message: string): UserError {
  return new UserError(message, { file, expected: 'a Berkeley DB hash database (rpm Packages)' });
}

class Pages {
  readonly little: boolean;
  readonly pageSize: number;
  readonly count: number;

  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
  ) {
    if (bytes.length < 512) throw fail(file, 'file too short for a metadata page');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(12, true) === HASH_MAGIC) this.little = true;
    else if (view.getUint32(12, false) === HASH_MAGIC) this.little = false;
    else throw fail(file, 'no hash database magic number');
    if (bytes[25] !== P_HASHMETA) throw fail(file, `metadata page has type ${bytes[25]}`);
    this.pageSize = view.getUint32(20, this.little);
    if (this.pageSize < 512 || this.pageSize > 65536 || (this.pageSize & (this.pageSize - 1)) !== 0) {
      throw fail(file, `page size ${this.pageSize}`);
    }
    this.count = Math.floor(bytes.length / this.pageSize);
  }

  page(n: number): { data: Uint8Array; view: DataView } {
    if (!Number.isInteger(n) || n < 1 || n >= this.count) throw fail(this.file, `page ${n} is outside the file`);
    const data = this.bytes.subarray(n * this.pageSize, (n + 1) * this.pageSize);
    return { data, view: new DataView(data.buffer, data.byteOffset, data.byteLength) };
  }

  u16(view: DataView, at: number): number {
    return view.getUint16(at, this.little);
  }

  u32(view: DataView, at: number): number {
    return view.getUint32(at, this.little);
  }
}

/** Follows an off-page item's chain of overflow pages; each holds its share of bytes after the page header. */
function overflow(pages: Pages, first: number, total: number): Uint8Array {
  if (total > MAX_VALUE) throw fail(pages.file, `off-page item of ${total} bytes`);
  const out = new Uint8Array(total);
  let filled = 0;
  let next = first;
  const seen = new Set<number>();
  while (filled < total) {
    if (next === 0 || seen.has(next)) throw fail(pages.file, 'overflow chain ends early or loops');
    seen.add(next);
    const { data, view } = pages.page(next);
    if (data[25] !== P_OVERFLOW) throw fail(pages.file, `page ${next} should be an overflow page`);
    // On overflow pages the header's free-area offset field holds how many bytes of the item this page carries.
    const length = Math.min(pages.u16(view, 22), total - filled, data.length - PAGE_HEADER);
    if (length === 0) throw fail(pages.file, `overflow page ${next} carries nothing`);
    out.set(data.subarray(PAGE_HEADER, PAGE_HEADER + length), filled);
    filled += length;
    next = pages.u32(view, 16);
  }
  return out;
}

/** One item of a hash page: inline bytes (H_KEYDATA) or an off-page reference (H_OFFPAGE). */
function item(pages: Pages, data: Uint8Array, view: DataView, offsets: number[], i: number): Uint8Array | undefined {
  const at = offsets[i] as number;
  // Items are packed from the end of the page backwards in index order, so one ends where the previous begins.
  const end = i === 0 ? data.length : (offsets[i - 1] as number);
  if (at < PAGE_HEADER || at >= end || end > data.length) throw fail(pages.file, 'hash item outside its page');
  const type = data[at];
  if (type === H_KEYDATA) return data.subarray(at + 1, end);
  if (type === H_OFFPAGE) {
    if (at + 12 > end) throw fail(pages.file, 'off-page item too short');
    return overflow(pages, pages.u32(view, at + 4), pages.u32(view, at + 8));
  }
  return undefined;
}

export function readBdbHash(bytes: Uint8Array, file: string): BdbPair[] {
  const pages = new Pages(bytes, file);
  const pairs: BdbPair[] = [];
  for (let n = 1; n < pages.count; n++) {
    const { data, view } = pages.page(n);
    const type = data[25];
    if (type !== P_HASH && type !== P_HASH_UNSORTED) continue;
    const entries = pages.u16(view, 20);
    if (PAGE_HEADER + entries * 2 > data.length) throw fail(file, `page ${n} lists more items than fit`);
    const offsets = Array.from({ length: entries }, (_, i) => pages.u16(view, PAGE_HEADER + i * 2));
    for (let i = 0; i + 1 < entries; i += 2) {
      const key = item(pages, data, view, offsets, i);
      const value = item(pages, data, view, offsets, i + 1);
      if (key && value) pairs.push({ key, value });
    }
  }
  return pairs;
}
