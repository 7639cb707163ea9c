import { UserError } from '@rampart/core';

/**
 * A read-only reader of one table of an SQLite 3 database file, written from the file format documentation
 * (sqlite.org/fileformat2.html): walk the table's b-tree from its root page, follow overflow chains, decode records.
 * rpm's database needs nothing more (no indexes, no SQL), and reading the bytes directly keeps the inventory
 * package free of a WebAssembly engine. A write-ahead log beside the file is not read; rpm checkpoints it on close.
 */
export type SqlValue = null | number | bigint | string | Uint8Array;
export interface Row {
  rowid: number;
  values: SqlValue[];
}

const MAGIC = 'SQLite format 3\u0000';
/** Pages visited per table; a real rpmdb has a few thousand, a cycle or a huge hostile file is stopped here. */
const MAX_PAGES = 1_000_000;

class Reader {
  readonly pageSize: number;
  readonly usable: number;
  readonly pageCount: number;
  readonly text: { decode(input: Uint8Array): string };

  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 100 || new TextDecoder('latin1').decode(bytes.subarray(0, 16)) !== MAGIC) {
      throw this.error('no SQLite header');
    }
    const raw = view.getUint16(16);
    this.pageSize = raw === 1 ? 65536 : raw;
    if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0) throw this.error(`page size ${raw}`);
    this.usable = this.pageSize - (bytes[20] ?? 0);
    if (this.usable < 480) throw this.error('reserved space leaves too little of each page');
    this.pageCount = Math.floor(bytes.length / this.pageSize);
    const encoding = view.getUint32(56);
    this.text = new TextDecoder(encoding === 2 ? 'utf-16le' : encoding === 3 ? 'utf-16be' : 'utf-8');
  }

  error(message: string): UserError {
    return new UserError(message, { file: this.file, expected: 'an SQLite 3 database (rpmdb.sqlite)' });
  }

  page(n: number): Uint8Array {
    if (!Number.isInteger(n) || n < 1 || n > this.pageCount) throw this.error(`page ${n} is outside the file`);
    return this.bytes.subarray((n - 1) * this.pageSize, n * this.pageSize);
  }

  /** A varint at `pos` of `buf`: big-endian base-128, the ninth byte taking all 8 bits. */
  varint(buf: Uint8Array, pos: number): [number, number] {
    let value = 0;
    for (let i = 0; i < 9; i++) {
      const b = buf[pos + i];
      if (b === undefined) throw this.error('varint runs past the end of its page');
      if (i === 8) return this.safe(value * 256 + b, pos + 9);
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return this.safe(value, pos + i + 1);
    }
    throw this.error('unreachable varint');
  }

  private safe(value: number, next: number): [number, number] {
    if (!Number.isSafeInteger(value)) throw this.error('integer too large');
    return [value, next];
  }
}

/** The cell's full payload: the part stored on the page and the rest from its chain of overflow pages. */
function payloadOf(r: Reader, page: Uint8Array, pos: number, size: number): Uint8Array {
  const max = r.usable - 35;
  if (size <= max) {
    if (pos + size > page.length) throw r.error('cell runs past the end of its page');
    return page.subarray(pos, pos + size);
  }
  const min = Math.floor(((r.usable - 12) * 32) / 255) - 23;
  const k = min + ((size - min) % (r.usable - 4));
  const local = k <= max ? k : min;
  if (pos + local + 4 > page.length) throw r.error('cell runs past the end of its page');
  const out = new Uint8Array(size);
  out.set(page.subarray(pos, pos + local));
  let filled = local;
  let next = new DataView(page.buffer, page.byteOffset + pos + local, 4).getUint32(0);
  const seen = new Set<number>();
  while (filled < size) {
    if (next === 0 || seen.has(next)) throw r.error('overflow chain ends early or loops');
    seen.add(next);
    const overflow = r.page(next);
    const take = Math.min(size - filled, r.usable - 4);
    out.set(overflow.subarray(4, 4 + take), filled);
    filled += take;
    next = new DataView(overflow.buffer, overflow.byteOffset, 4).getUint32(0);
  }
  return out;
}

function decodeRecord(r: Reader, payload: Uint8Array): SqlValue[] {
  const [headerSize, first] = r.varint(payload, 0);
  if (headerSize > payload.length) throw r.error('record header longer than its record');
  const types: number[] = [];
  for (let pos = first; pos < headerSize; ) {
    const [type, next] = r.varint(payload, pos);
    types.push(type);
    pos = next;
  }
  const values: SqlValue[] = [];
  let pos = headerSize;
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const intSizes = [0, 1, 2, 3, 4, 6, 8];
  for (const type of types) {
    let size: number;
    if (type >= 1 && type <= 6) size = intSizes[type] as number;
    else if (type === 7) size = 8;
    else if (type >= 12) size = Math.floor((type - 12) / 2);
    else size = 0;
    if (pos + size > payload.length) throw r.error('record value runs past its record');
    const bytes = payload.subarray(pos, pos + size);
    if (type === 0 || type === 10 || type === 11) values.push(null);
    else if (type === 8 || type === 9) values.push(type - 8);
    else if (type === 7) values.push(view.getFloat64(pos));
    else if (type === 6) values.push(view.getBigInt64(pos));
    else if (type <= 5) values.push(signed(bytes)); else if (type % 2 === 0) values.push(bytes);
    else values.push(r.text.decode(bytes));
    pos += size;
  }
  return values;
}

function signed(bytes: Uint8Array): number {
  let v = 0;
  for (const b of bytes) v = v * 256 + b;
  const bits = bytes.length * 8;
  return bytes.length > 0 && ((bytes[0] ?? 0) & 0x80) !== 0 ? v - 2 ** bits : v;
}

function walkTable(r: Reader, root: number, visit: (row: Row) => void): void {
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const n = stack.pop() as number;
    if (seen.has(n)) throw r.error(`b-tree page ${n} reached twice`);
    if (seen.size >= MAX_PAGES) throw r.error('table too large');
    seen.add(n);
    const page = r.page(n);
    const base = n === 1 ? 100 : 0;
    const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
    if (base + 12 > page.length) throw r.error(`page ${n} too short`);
    const kind = page[base];
    const cells = view.getUint16(base + 3);
    const interior = kind === 5;
    if (kind !== 5 && kind !== 13) throw r.error(`page ${n} is not a table b-tree page (type ${kind})`);
    const pointers = base + (interior ? 12 : 8);
    if (pointers + cells * 2 > page.length) throw r.error(`page ${n} lists more cells than fit`);
    const children: number[] = [];
    for (let i = 0; i < cells; i++) {
      const at = view.getUint16(pointers + i * 2);
      if (at >= page.length) throw r.error(`cell pointer past the end of page ${n}`);
      if (interior) {
        if (at + 4 > page.length) throw r.error(`cell runs past the end of page ${n}`);
        children.push(view.getUint32(at));
        continue;
      }
      const [size, afterSize] = r.varint(page, at);
      const [rowid, afterRowid] = r.varint(page, afterSize);
      visit({ rowid, values: decodeRecord(r, payloadOf(r, page, afterRowid, size)) });
    }
    if (interior) children.push(view.getUint32(base + 8));
    // Pushed in reverse so rows come out in rowid order.
    for (const child of children.reverse()) stack.push(child);
  }
}

/** Every row of table `name`, in rowid order. */
export function readSqliteTable(bytes: Uint8Array, name: string, file: string): Row[] {
  const r = new Reader(bytes, file);
  let root: number | undefined;
  walkTable(r, 1, (row) => {
    const [type, tableName, , rootpage] = row.values;
    if (type === 'table' && tableName === name && typeof rootpage === 'number') root = rootpage;
  });
  if (root === undefined) throw r.error(`no table ${name}`);
  const rows: Row[] = [];
  walkTable(r, root, (row) => rows.push(row));
  return rows;
}
