import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { catalog, CATALOGERS } from '@rampart/inventory';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImage } from './read-image.js';
import { scanImage } from './scan.js';
import { resolveLayered, type ImageSource } from './sources/open.js';
import { debianRoot, dpkgQueryInstalled, ensureTools } from './testing/debootstrap.js';
import { writeDockerSave } from './testing/docker-save.js';
import { addEntry, packDirectory } from './testing/pack-dir.js';
import { umociInit, umociInsert, umociRepack, umociUnpack } from './testing/umoci.js';
import { wantedBy } from './wanted.js';

const ADDED = 'usr/share/doc/rampart-added/copyright';
const ADDED_TEXT = 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: MIT\n';
const DELETED_FILE = 'usr/share/doc/debconf/copyright';
const DELETED_DIR = 'usr/share/doc/zlib1g';

let root: string;
let work: string;
let expected: Set<string>;

/** The second layer of the docker save images, written entry by entry: one file added, a file and a directory deleted. */
async function secondLayer(out: string): Promise<void> {
  const pack = tar.pack();
  const written = pipeline(pack as unknown as NodeJS.ReadableStream, createWriteStream(out));
  await addEntry(pack, { name: 'usr/share/doc/rampart-added/', type: 'directory' });
  await addEntry(pack, { name: ADDED, mode: 0o644 }, ADDED_TEXT);
  await addEntry(pack, { name: 'usr/share/doc/debconf/.wh.copyright' });
  await addEntry(pack, { name: 'usr/share/doc/.wh.zlib1g' });
  pack.finalize();
  await written;
}

async function buildOciLayout(layout: string): Promise<void> {
  await umociInit(layout);
  await umociInsert(layout, root, '/');
  const bundle = join(work, 'bundle');
  await umociUnpack(layout, bundle);
  const rootfs = join(bundle, 'rootfs');
  mkdirSync(join(rootfs, 'usr/share/doc/rampart-added'), { recursive: true });
  writeFileSync(join(rootfs, ADDED), ADDED_TEXT);
  rmSync(join(rootfs, DELETED_FILE));
  rmSync(join(rootfs, DELETED_DIR), { recursive: true });
  await umociRepack(layout, bundle);
  rmSync(bundle, { recursive: true, force: true });
}

beforeAll(async () => {
  root = await debianRoot('bookworm');
  await ensureTools(['umoci']);
  expected = dpkgQueryInstalled(root);
  work = mkdtempSync(join(tmpdir(), 'rampart-debian-image-'));
  await buildOciLayout(join(work, 'oci'));
  await packDirectory(root, join(work, 'layer1.tar'));
  await secondLayer(join(work, 'layer2.tar'));
  const layers = [join(work, 'layer1.tar'), join(work, 'layer2.tar')];
  await writeDockerSave(join(work, 'legacy.tar'), layers, { tag: 'rampart/debian:bookworm', layout: 'legacy' });
  await writeDockerSave(join(work, 'oci-style.tar'), layers, { tag: 'rampart/debian:bookworm', layout: 'oci' });
  rmSync(join(work, 'layer1.tar'));
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const sources: [string, () => ImageSource][] = [
  ['OCI layout built by umoci', () => ({ kind: 'oci-layout', path: join(work, 'oci') })],
  ['docker save archive (Docker < 25 layout)', () => ({ kind: 'archive', path: join(work, 'legacy.tar') })],
  ['docker save archive (Docker 25+ OCI layout)', () => ({ kind: 'archive', path: join(work, 'oci-style.tar') })],
];

describe.each(sources)('a real Debian bookworm image: %s', (_name, source) => {
  it('finds exactly the packages dpkg-query lists, each with the layer that installed it', async () => {
    expect(expected.size).toBeGreaterThan(50);
    const scan = await scanImage(source(), { now: new Date('2026-11-29') });
    const deb = scan.inventory.packages.filter((p) => p.ecosystem === 'deb');
    expect(new Set(deb.map((p) => `${p.name} ${p.version}`))).toEqual(expected);
    expect(scan.layers).toHaveLength(2);
    const base = scan.layers[0]?.id;
    for (const p of deb) {
      expect(p.purl).toMatch(/^pkg:deb\/debian\/[^@]+@[^?]+\?arch=[a-z0-9]+&distro=debian-12/);
      expect(p.layer).toBe(base);
    }
    expect(scan.os).toMatchObject({ id: 'debian', versionId: '12', codename: 'bookworm', eolPassed: false });
    // debconf's copyright file was deleted by the second layer: its DEP-5 license is gone with it.
    expect(deb.find((p) => p.name === 'debconf')?.licenses).toEqual([]);
    expect(deb.find((p) => p.name === 'libacl1')?.licenses).toEqual(['GPL-2.0-or-later', 'LGPL-2.0-or-later']);
  }, 600_000);

  it('hides what the second layer whited out and shows what it added', async () => {
    const resolved = await resolveLayered(source() as Exclude<ImageSource, { kind: 'rootfs' }>);
    const image = await readImage(resolved.layers, { wants: wantedBy(CATALOGERS) });
    try {
      expect(image.fs.visible(ADDED)).toBe(true);
      expect(await image.fs.readText(ADDED)).toBe(ADDED_TEXT);
      expect(image.fs.layerOf(ADDED)).toBe(resolved.layers[1]?.id);
      expect(image.fs.visible(DELETED_FILE)).toBe(false);
      expect(image.fs.visible(DELETED_DIR)).toBe(false);
      expect(image.fs.visible(`${DELETED_DIR}/copyright`)).toBe(false);
      expect(image.fs.visible('usr/share/doc/debconf')).toBe(true);
      // Symlinks resolve inside the image: etc/os-release -> ../usr/lib/os-release, bin -> usr/bin.
      expect(await image.fs.readText('etc/os-release')).toContain('VERSION_CODENAME=bookworm');
      expect(image.fs.visible('bin/bash')).toBe(true);
      const walked: string[] = [];
      for await (const path of image.fs.walk()) walked.push(path);
      expect(walked).toContain(ADDED);
      expect(walked).not.toContain(DELETED_FILE);
      const inventory = await catalog(image.fs);
      expect(inventory.packages.filter((p) => p.ecosystem === 'deb').length).toBe(expected.size);
    } finally {
      await image.dispose();
    }
  }, 600_000);
});

describe('the same Debian root as a rootfs directory', () => {
  it('finds exactly the packages dpkg-query lists', async () => {
    const scan = await scanImage({ kind: 'rootfs', path: root }, { now: new Date('2026-11-29') });
    const deb = scan.inventory.packages.filter((p) => p.ecosystem === 'deb');
    expect(new Set(deb.map((p) => `${p.name} ${p.version}`))).toEqual(expected);
    expect(scan.os).toMatchObject({ id: 'debian', versionId: '12' });
    // Nothing was whited out here, so debconf keeps its DEP-5 license.
    expect(deb.find((p) => p.name === 'debconf')?.licenses).toEqual(['BSD-2-Clause']);
  }, 600_000);
});
