import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanImage } from '../scan.js';
import { ensureTools } from '../testing/debootstrap.js';
import { layerTar } from '../testing/hostile.js';
import { packDirectory } from '../testing/pack-dir.js';
import { writeImage, writeIndex } from '../testing/oci-writer.js';
import { parseDocument } from './json.js';
import { dockerManifestSchema, indexSchema } from './schemas.js';
import { parsePaxRecords, parseTarHeader } from './tar-header.js';
import { indexTar } from './tar-index.js';

let work: string;
const TAR = 'application/vnd.oci.image.layer.v1.tar';

function npmLayer(name: string, version: string) {
  return layerTar([{ header: { name: `app/node_modules/${name}/package.json` }, content: JSON.stringify({ name, version }) }]);
}

function zstd(bytes: Uint8Array): Buffer {
  return execFileSync('zstd', ['-q', '-c', '-19'], { input: bytes, maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(async () => {
  await ensureTools(['zstd']);
  work = mkdtempSync(join(tmpdir(), 'rampart-sources-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('OCI image layouts', () => {
  it('chooses the platform from a nested index (linux/amd64 by default, or as asked), skipping attestations', async () => {
    const layout = join(work, 'multi');
    const osRelease = 'ID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n';
    const apkDb = readFileSync(fileURLToPath(new URL('../../../inventory/test/fixtures/os-apk/lib/apk/db/installed', import.meta.url)));
    const base = await layerTar([
      { header: { name: 'etc/os-release' }, content: osRelease },
      { header: { name: 'lib/apk/db/installed' }, content: apkDb },
    ]);
    const amd = writeImage(layout, [{ bytes: gzipSync(base), mediaType: `${TAR}+gzip` }, { bytes: zstd(await npmLayer('left-pad', '1.3.0')), mediaType: `${TAR}+zstd` }]);
    const arm = writeImage(layout, [{ bytes: base, mediaType: TAR }, { bytes: await npmLayer('left-pad', '9.9.9'), mediaType: TAR }], { os: 'linux', architecture: 'arm64' });
    const attestation = writeImage(layout, [], { os: 'unknown', architecture: 'unknown' });
    const inner = writeIndex(layout, [
      { ...attestation, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
      { ...arm, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { ...amd, platform: { os: 'linux', architecture: 'amd64' } },
    ]);
    writeIndex(layout, [{ ...inner, annotations: { 'org.opencontainers.image.ref.name': 'v1' } }], 'index.json');

    const scan = await scanImage({ kind: 'oci-layout', path: layout }, { now: new Date('2026-11-29') });
    expect(scan.manifestDigest).toBe(amd.digest);
    expect(scan.layers.map((l) => l.compression)).toEqual(['gzip', 'zstd']);
    const npm = scan.inventory.packages.filter((p) => p.ecosystem === 'npm');
    expect(npm.map((p) => p.purl)).toEqual(['pkg:npm/left-pad@1.3.0']);
    expect(npm[0]?.layer).toBe(scan.layers[1]?.id);
    const apk = scan.inventory.packages.filter((p) => p.ecosystem === 'apk');
    expect(apk.map((p) => p.name).sort()).toEqual(['apk-tools', 'busybox', 'libcrypto3', 'libssl3', 'musl', 'oldstyle', 'ssl_client']);
    expect(apk.find((p) => p.name === 'musl')?.purl).toBe('pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1');
    expect(apk.every((p) => p.layer === scan.layers[0]?.id)).toBe(true);
    expect(scan.os).toMatchObject({ id: 'alpine', versionId: '3.19.1', eol: '2025-11-01', eolPassed: true });

    const armScan = await scanImage({ kind: 'oci-layout', path: layout }, { platform: 'linux/arm64' });
    expect(armScan.inventory.packages.filter((p) => p.ecosystem === 'npm').map((p) => p.purl)).toEqual(['pkg:npm/left-pad@9.9.9']);
    await expect(scanImage({ kind: 'oci-layout', path: layout }, { platform: 'linux/s390x' })).rejects.toThrow(/linux\/arm64\/v8, linux\/amd64/);
  });

  it('reads the same layout tarred (an OCI archive) and refuses a tar that is no image', async () => {
    const layout = join(work, 'single');
    const m = writeImage(layout, [{ bytes: gzipSync(await npmLayer('ms', '2.1.3')), mediaType: `${TAR}+gzip` }]);
    writeIndex(layout, [m], 'index.json');
    const archive = join(work, 'single.tar');
    await packDirectory(layout, archive);
    const scan = await scanImage({ kind: 'archive', path: archive });
    expect(scan.format).toBe('oci-archive');
    expect(scan.inventory.packages.map((p) => p.purl)).toEqual(['pkg:npm/ms@2.1.3']);

    const notImage = join(work, 'not-image.tar');
    writeFileSync(join(work, 'readme.txt'), 'hello');
    mkdirSync(join(work, 'plain'), { recursive: true });
    writeFileSync(join(work, 'plain', 'readme.txt'), 'hello');
    await packDirectory(join(work, 'plain'), notImage);
    await expect(scanImage({ kind: 'archive', path: notImage })).rejects.toThrow(/neither manifest.json nor index.json/);
  });

  it('refuses a manifest blob that does not match its digest', async () => {
    const layout = join(work, 'tampered');
    const m = writeImage(layout, [{ bytes: await npmLayer('ms', '2.1.3'), mediaType: TAR }]);
    writeIndex(layout, [m], 'index.json');
    writeFileSync(join(layout, 'blobs/sha256', m.digest.slice(7)), JSON.stringify({ schemaVersion: 2, config: {}, layers: [] }));
    const run = scanImage({ kind: 'oci-layout', path: layout });
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow(/does not match its digest/);
  });
});

describe('rootfs directories', () => {
  it('resolves absolute symlinks inside the root, not on the host', async () => {
    const root = join(work, 'rootfs');
    mkdirSync(join(root, 'usr/lib'), { recursive: true });
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'usr/lib/os-release'), 'ID=debian\nVERSION_ID="10"\nVERSION_CODENAME=buster\n');
    symlinkSync('/usr/lib/os-release', join(root, 'etc/os-release'));
    const scan = await scanImage({ kind: 'rootfs', path: root }, { now: new Date('2026-11-29') });
    expect(scan.os).toMatchObject({ id: 'debian', versionId: '10', codename: 'buster', eol: '2024-06-30', eolPassed: true });
  });
});

describe('parsers of untrusted archive metadata (fuzz)', () => {
  const userErrorOrValue = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
    }
  };

  it('tar headers: any 512 bytes parse or throw a UserError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 512, maxLength: 512 }), (block) => {
        userErrorOrValue(() => parseTarHeader(block, 'fuzz.tar'));
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (data) => userErrorOrValue(() => parsePaxRecords(data, 'fuzz.tar'))));
  });

  it('tar headers: a valid header with a random field keeps parsing or throws a UserError', async () => {
    const valid = (await layerTar([{ header: { name: 'a/b.txt' }, content: 'x' }])).subarray(0, 512);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 511 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
        const block = new Uint8Array(valid);
        block[at] = byte;
        userErrorOrValue(() => parseTarHeader(block, 'fuzz.tar'));
      }),
      { numRuns: 2000 },
    );
  });

  it('manifest.json and index.json: any JSON text parses or throws a UserError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify([v]))), (text) => {
        const bytes = new TextEncoder().encode(text);
        userErrorOrValue(() => parseDocument(bytes, dockerManifestSchema, 'manifest.json', 'a docker save manifest'));
        userErrorOrValue(() => parseDocument(bytes, indexSchema, 'index.json', 'an OCI index'));
      }),
      { numRuns: 1000 },
    );
  });

  it('the archive indexer refuses truncated and garbage archives with a UserError', async () => {
    const good = await layerTar([{ header: { name: 'manifest.json' }, content: '[]' }, { header: { name: 'x' }, content: 'y'.repeat(3000) }]);
    const cut = join(work, 'cut.tar');
    writeFileSync(cut, good.subarray(0, 1500));
    await expect(indexTar(cut)).rejects.toBeInstanceOf(UserError);
    const gz = join(work, 'image.tar.gz');
    writeFileSync(gz, gzipSync(good));
    await expect(indexTar(gz)).rejects.toThrow(/image.tar.gz: the archive is gzip-compressed \(expected an uncompressed tar \(gunzip it first/);
    const garbage = join(work, 'garbage.tar');
    writeFileSync(garbage, Buffer.alloc(2048, 0x41));
    await expect(indexTar(garbage)).rejects.toThrow(/garbage.tar \(header at byte 0\)/);
  });
});
