import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildZip } from './zip-writer.js';
import { bufferAccess, fileAccess, listZip, readZipEntry, zipEntries, ZipError, type ZipItem } from './zip.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(gen: AsyncGenerator<ZipItem>): Promise<ZipItem[]> {
  const out: ZipItem[] = [];
  for await (const item of gen) out.push(item);
  return out;
}

const text = (item: ZipItem | undefined): string => (item && 'data' in item ? item.data.toString('utf8') : `problem: ${item && 'problem' in item ? item.problem : 'none'}`);

describe('zip reader', () => {
  it('reads stored and deflated entries, ZIP64 end records and offsets included', async () => {
    for (const zip64 of [false, true]) {
      const zip = buildZip([{ name: 'a.json', data: '{"id":"A"}' }, { name: 'dir/', data: '' }, { name: 'b.json', data: 'x'.repeat(5000), method: 'store' }], { zip64 });
      const items = await collect(zipEntries(bufferAccess(zip), () => true));
      expect(items.map((i) => i.name)).toEqual(['a.json', 'b.json']);
      expect(text(items[0])).toBe('{"id":"A"}');
      expect(text(items[1])).toBe('x'.repeat(5000));
    }
  });

  it('skips an entry over the per-entry cap with a reason, and keeps going', async () => {
    const zip = buildZip([{ name: 'big.json', data: 'a'.repeat(10_000) }, { name: 'ok.json', data: '{}' }]);
    const items = await collect(zipEntries(bufferAccess(zip), () => true, { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 1e9 }));
    expect(items).toEqual([{ name: 'big.json', problem: 'big.json: 10000 bytes, more than the limit of 1000' }, { name: 'ok.json', data: Buffer.from('{}') }]);
  });

  it('a directory that lies about the size cannot inflate past the cap (zip bomb)', async () => {
    const zip = buildZip([{ name: 'bomb.json', data: '0'.repeat(1_000_000) }]);
    const [entry] = await listZip(bufferAccess(zip));
    if (!entry) throw new Error('no entry');
    await expect(readZipEntry(bufferAccess(zip), { ...entry, size: 10 }, 10_000)).rejects.toThrow(/cannot inflate/);
  });

  it('stops when the entries add up to more than the total cap', async () => {
    const zip = buildZip([{ name: 'a', data: 'a'.repeat(600) }, { name: 'b', data: 'b'.repeat(600) }]);
    await expect(collect(zipEntries(bufferAccess(zip), () => true, { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 1000 }))).rejects.toThrow(ZipError);
  });

  it('detects a corrupted entry by its CRC', async () => {
    const zip = buildZip([{ name: 'a.json', data: 'hello world', method: 'store' }]);
    zip[30 + 'a.json'.length] = 'j'.charCodeAt(0);
    const items = await collect(zipEntries(bufferAccess(zip), () => true));
    expect(items).toEqual([{ name: 'a.json', problem: 'a.json: CRC mismatch' }]);
  });

  it('rejects what is not a zip', async () => {
    await expect(listZip(bufferAccess(Buffer.from('not a zip at all')))).rejects.toThrow(/not a zip archive/);
    await expect(listZip(bufferAccess(Buffer.alloc(0)))).rejects.toThrow(ZipError);
  });

  it('never writes entries to disk under their names (a ../ name is just a name)', async () => {
    const zip = buildZip([{ name: '../../escape.json', data: '{}' }]);
    const items = await collect(zipEntries(bufferAccess(zip), () => true));
    expect(items.map((i) => i.name)).toEqual(['../../escape.json']);
    expect(existsSync(join(dir, '..', '..', 'escape.json'))).toBe(false);
  });

  it.skipIf(!existsSync('/usr/bin/zip'))('reads archives written by Info-ZIP zip, ZIP64 forced too', async () => {
    const src = join(dir, 'src');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'GHSA-1.json'), '{"id":"GHSA-1"}');
    writeFileSync(join(src, 'big.json'), JSON.stringify({ id: 'BIG', details: 'z'.repeat(100_000) }));
    for (const flags of [['-q'], ['-q', '-fz']]) {
      const out = join(dir, `${flags.length}.zip`);
      execFileSync('zip', [...flags, '-j', out, join(src, 'GHSA-1.json'), join(src, 'big.json')]);
      const access = await fileAccess(out);
      try {
        const items = await collect(zipEntries(access, (n) => n.endsWith('.json')));
        expect(items.map(text)).toEqual([readFileSync(join(src, 'GHSA-1.json'), 'utf8'), readFileSync(join(src, 'big.json'), 'utf8')]);
      } finally {
        await access.close();
      }
    }
  });
});
