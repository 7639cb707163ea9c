import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { UserError, recordingLogger } from '@rampart/core';
import { CATALOGERS, catalog } from '@rampart/inventory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImage, type ImageContents, type ReadImageOptions } from './read-image.js';
import { resolveLayered } from './sources/open.js';
import { ensureTools } from './testing/debootstrap.js';
import { archiveOf, bombLayer, hugeFileHeader, layerTar } from './testing/hostile.js';
import { wantedBy } from './wanted.js';

let sandbox: string;
let work: string;
let scratchParent: string;

/** Every path under the sandbox, to prove a scan wrote nothing beside its own (deleted) scratch directory. */
function snapshot(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      out.push(relative(sandbox, full));
      if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) walk(full);
    }
  };
  walk(sandbox);
  return out.sort();
}

async function read(archive: string, options: Partial<ReadImageOptions> = {}): Promise<ImageContents> {
  const resolved = await resolveLayered({ kind: 'archive', path: archive });
  return readImage(resolved.layers, { wants: wantedBy(CATALOGERS), scratchParent, memoryLimit: 0, ...options });
}

/** Reads the archive expecting a UserError, and checks the sandbox is unchanged and the scratch dir gone. */
async function refused(archive: string, options: Partial<ReadImageOptions> = {}): Promise<UserError> {
  const before = snapshot();
  const err = await read(archive, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect(snapshot()).toEqual(before);
  expect(readdirSync(scratchParent)).toEqual([]);
  return err as UserError;
}

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'rampart-hostile-'));
  work = join(sandbox, 'work');
  scratchParent = join(work, 'scratch-parent');
  mkdirSync(scratchParent, { recursive: true });
});

afterAll(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

describe('hostile layers', () => {
  it('refuses an entry that climbs out with ../, naming the layer and the entry', async () => {
    const layer = await layerTar([
      { header: { name: 'ok/package.json' }, content: '{"name":"ok","version":"1.0.0"}' },
      { header: { name: 'ok/../../../escaped/package.json' }, content: '{"name":"evil","version":"6.6.6"}' },
    ]);
    const archive = await archiveOf(work, 'dotdot', [layer]);
    const err = await refused(archive);
    expect(err.message).toContain('layer.tar in');
    expect(err.message).toContain('ok/../../../escaped/package.json');
    expect(existsSync(join(sandbox, 'escaped'))).toBe(false);
  });

  it('keeps absolute names inside the image', async () => {
    const hostPath = join(sandbox, 'absolute-target');
    const layer = await layerTar([{ header: { name: `${hostPath}/package.json` }, content: '{"name":"abs","version":"1.0.0"}' }]);
    const archive = await archiveOf(work, 'absolute', [layer]);
    const before = snapshot();
    const image = await read(archive);
    try {
      const inside = `${hostPath.slice(1)}/package.json`;
      expect(image.fs.visible(inside)).toBe(true);
      expect(await image.fs.readText(inside)).toContain('"abs"');
      expect(existsSync(hostPath)).toBe(false);
    } finally {
      await image.dispose();
    }
    expect(snapshot()).toEqual(before);
  });

  it('resolves escaping, looping and over-long symlink chains to nothing', async () => {
    const chain = Array.from({ length: 45 }, (_, i) => ({ header: { name: `chain/l${i}`, type: 'symlink' as const, linkname: `l${i + 1}` } }));
    const layer = await layerTar([
      { header: { name: 'etc/', type: 'directory' } },
      { header: { name: 'real/package.json' }, content: '{"name":"real","version":"1.0.0"}' },
      { header: { name: 'a', type: 'symlink', linkname: 'b' } },
      { header: { name: 'b', type: 'symlink', linkname: '../../../../..' } },
      { header: { name: 'etc/os-release', type: 'symlink', linkname: '../../../../etc/os-release' } },
      { header: { name: 'loop1', type: 'symlink', linkname: 'loop2' } },
      { header: { name: 'loop2', type: 'symlink', linkname: 'loop1' } },
      { header: { name: 'inside', type: 'symlink', linkname: '/real/../real' } },
      ...chain,
      { header: { name: 'chain/l45', type: 'symlink', linkname: '/real/package.json' } },
    ]);
    const image = await read(await archiveOf(work, 'symlinks', [layer]));
    try {
      for (const path of ['a/etc/passwd', 'b/etc/passwd', 'etc/os-release', 'loop1', 'loop1/x', 'chain/l0']) {
        await expect(image.fs.readText(path), path).rejects.toThrow(/ENOENT/);
        expect(await image.fs.exists(path)).toBe(false);
      }
      expect(await image.fs.readText('inside/package.json')).toContain('"real"');
      // l10 -> ... -> l45 -> /real/package.json is 36 links, within the cap; l0 needs 46.
      expect(await image.fs.readText('chain/l10')).toContain('"real"');
    } finally {
      await image.dispose();
    }
  });

  it('refuses an entry written through a symlink that leaves the image', async () => {
    const layer1 = await layerTar([{ header: { name: 'out', type: 'symlink', linkname: '../../../../../../tmp' } }]);
    const layer2 = await layerTar([{ header: { name: 'out/package.json' }, content: '{"name":"x","version":"1"}' }]);
    const err = await refused(await archiveOf(work, 'through-link', [layer1, layer2]));
    expect(err.message).toContain('out/package.json');
    expect(err.message).toMatch(/layer [0-9a-f]{64}\/layer\.tar in /);
  });

  it('refuses hard links that point outside and skips ones to missing entries', async () => {
    const outside = await layerTar([{ header: { name: 'hl', type: 'link', linkname: '../../etc/shadow' } }]);
    const err = await refused(await archiveOf(work, 'hardlink-out', [outside]));
    expect(err.message).toContain('"hl"');
    const logger = recordingLogger();
    const missing = await layerTar([
      { header: { name: 'package.json', type: 'link', linkname: '/etc/passwd' } },
      { header: { name: 'first.json' }, content: '{"name":"f","version":"1.0.0"}' },
      { header: { name: 'package.json', type: 'link', linkname: 'first.json' } },
    ]);
    const image = await read(await archiveOf(work, 'hardlink-missing', [missing]), { logger });
    try {
      expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('/etc/passwd'))).toBe(true);
      expect(image.fs.visible('package.json')).toBe(true);
    } finally {
      await image.dispose();
    }
    // A claimed name hard-linked to content nobody claimed: not walked, so catalog() never trips on it.
    const unclaimed = await layerTar([
      { header: { name: 'blob.bin' }, content: '{"name":"hidden","version":"1.0.0"}' },
      { header: { name: 'app/package.json', type: 'link', linkname: 'blob.bin' } },
    ]);
    const linked = await read(await archiveOf(work, 'hardlink-unclaimed', [unclaimed]), { logger });
    try {
      const walked: string[] = [];
      for await (const path of linked.fs.walk()) walked.push(path);
      expect(walked).toEqual(['blob.bin']);
      expect((await catalog(linked.fs)).packages).toEqual([]);
      expect(logger.lines.some((l) => l.message.includes('app/package.json is a hard link to blob.bin'))).toBe(true);
    } finally {
      await linked.dispose();
    }
  });

  it('skips device nodes and FIFOs, which also hide what lower layers had there', async () => {
    const lower = await layerTar([{ header: { name: 'dev/package.json' }, content: '{"name":"d","version":"1.0.0"}' }]);
    const upper = await layerTar([
      { header: { name: 'dev/package.json', type: 'character-device', devmajor: 1, devminor: 3 } },
      { header: { name: 'dev/sda', type: 'block-device', devmajor: 8, devminor: 0 } },
      { header: { name: 'run/fifo', type: 'fifo' } },
    ]);
    const before = snapshot();
    const image = await read(await archiveOf(work, 'devices', [lower, upper]));
    try {
      for (const path of ['dev/package.json', 'dev/sda', 'run/fifo']) expect(image.fs.visible(path), path).toBe(false);
    } finally {
      await image.dispose();
    }
    expect(snapshot().filter((p) => !p.startsWith('work/devices'))).toEqual(before.filter((p) => !p.startsWith('work/devices')));
  });

  it('skips entry types it does not know (GNU sparse) instead of reading them as files', async () => {
    const layer = Buffer.concat([hugeFileHeader('var/lib/dpkg/status', 0n, 'S'), Buffer.alloc(1024)]);
    const logger = recordingLogger();
    const image = await read(await archiveOf(work, 'sparse', [layer]), { logger });
    try {
      expect(image.fs.visible('var/lib/dpkg/status')).toBe(false);
      expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('not supported'))).toBe(true);
    } finally {
      await image.dispose();
    }
  });

  it('refuses an entry whose header claims a terabyte', async () => {
    const layer = Buffer.concat([hugeFileHeader('var/lib/dpkg/status', 1n << 40n), Buffer.alloc(1024)]);
    const err = await refused(await archiveOf(work, 'huge', [layer]));
    expect(err.message).toContain('var/lib/dpkg/status');
    expect(err.message).toContain(String(2 ** 40));
  });

  it('stops a gzip bomb while it expands, with flat memory, naming the layer and entry', async () => {
    const bomb = join(work, 'bomb-layer.tar.gz');
    await bombLayer(bomb, 'zeros/bomb.bin', 1024 * 1024 * 1024);
    const archive = await archiveOf(work, 'bomb', [bomb]);
    const rss = process.memoryUsage().rss;
    const err = await refused(archive, { limits: { ratioFloorBytes: 64 * 1024 * 1024, maxRatio: 100 } });
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
    expect(err.message).toContain('zeros/bomb.bin');
    expect(err.message).toContain('decompression bomb');
    expect(err.message).toContain('layer.tar in');
  }, 120_000);

  it('stops a zstd bomb the same way', async () => {
    await ensureTools(['zstd']);
    const bomb = join(work, 'bomb-layer.tar.zst');
    await bombLayer(bomb, 'zeros/zstd-bomb.bin', 1024 * 1024 * 1024, 'zstd');
    const archive = await archiveOf(work, 'zstd-bomb', [bomb]);
    const rss = process.memoryUsage().rss;
    const err = await refused(archive, { limits: { ratioFloorBytes: 64 * 1024 * 1024, maxRatio: 100 } });
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
    expect(err.message).toContain('zeros/zstd-bomb.bin');
    expect(err.message).toContain('decompression bomb');
  }, 120_000);

  it('reads the same bomb as a large layer within the default caps without holding it in memory', async () => {
    const archive = join(work, 'bomb.tar');
    const rss = process.memoryUsage().rss;
    const image = await read(archive, { limits: { ratioFloorBytes: 4 * 1024 ** 3 } });
    try {
      expect(image.layers[0]?.expandedSize).toBeGreaterThan(1024 ** 3);
      expect(image.fs.visible('zeros/bomb.bin')).toBe(true);
    } finally {
      await image.dispose();
    }
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
  }, 120_000);

  it('caps a layer and the whole image at their expanded sizes', async () => {
    const layer = await layerTar([{ header: { name: 'big.bin' }, content: Buffer.alloc(600_000) }]);
    const perLayer = await refused(await archiveOf(work, 'layer-cap', [layer]), { limits: { maxLayerBytes: 500_000 } });
    expect(perLayer.message).toContain('"big.bin": layer expands to more than 500000 bytes');
    const twoLayers = await archiveOf(work, 'image-cap', [layer, layer]);
    const image = await refused(twoLayers, { limits: { maxImageBytes: 1_000_000 } });
    expect(image.message).toContain('image expands to more than 1000000 bytes');
    expect(image.message).toMatch(/layer [0-9a-f]{64}\/layer\.tar/);
  });

  it('refuses a truncated layer, naming the entry being read', async () => {
    const full = await layerTar([
      { header: { name: 'a.txt' }, content: 'a' },
      { header: { name: 'var/lib/dpkg/status' }, content: Buffer.alloc(100_000, 0x41) },
    ]);
    const plain = await refused(await archiveOf(work, 'truncated', [full.subarray(0, 50_000)]));
    expect(plain.message).toContain('var/lib/dpkg/status');
    expect(plain.message).toMatch(/cannot be read/);
  });

  it('refuses a layer whose bytes do not match its digest', async () => {
    const layer = await layerTar([{ header: { name: 'package.json' }, content: '{"name":"x","version":"1.0.0"}' }]);
    const archive = await archiveOf(work, 'digest', [layer]);
    const resolved = await resolveLayered({ kind: 'archive', path: archive });
    const blob = resolved.layers[0];
    if (!blob) throw new Error('no layer');
    const tampered = { ...blob, expectedDigest: `sha256:${'0'.repeat(64)}` };
    const err = await readImage([tampered], { wants: () => true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect(String(err)).toContain(`not sha256:${'0'.repeat(64)}`);
    expect(String(err)).toContain('layer.tar in');
  });
});
