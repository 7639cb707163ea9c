import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multitoolErrors, validateGitlab } from '../../core/src/writers/testing/validate.js';
import { alpineImage } from '../test/support/alpine-image.js';
import { startOsvServer, type OsvTestServer } from '../../vulns/src/db/testing/osv-server.js';
import { main } from './main.js';
import { recordingDeps as deps } from './testing/recording-deps.js';

const records = join(import.meta.dirname, '../../vulns/test/fixtures/osv');
let osv: OsvTestServer;
let image: string;

beforeAll(async () => {
  osv = await startOsvServer(readdirSync(records).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(records, f), 'utf8')) as Record<string, unknown>));
  image = await alpineImage(mkdtempSync(join(tmpdir(), 'rampart-image-')));
});
afterAll(async () => {
  await osv.close();
});

describe('rampart container', () => {
  it('finds the Alpine advisory for the image\'s xen and writes a valid container_scanning report and the image SBOM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-container-'));
    const d = deps(dir);
    expect(await main(['container', '--tar', image, '--osv-url', osv.url, '--fail-on', 'none', '--sbom'], d.deps), d.err()).toBe(0);
    const { findings } = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as { findings: { ruleId: string; kind: string; location: { name: string; image?: string; operatingSystem?: string } }[] };
    const xen = findings.filter((f) => f.location.name === 'xen');
    expect(xen.map((f) => f.ruleId)).toEqual(['CVE-2021-28687']);
    expect(xen[0]).toMatchObject({ kind: 'container', location: { image: image, operatingSystem: 'alpine 3.11.13' } });
    const gl = JSON.parse(readFileSync(join(dir, 'rampart-reports/gl-container-scanning-report.json'), 'utf8')) as unknown;
    expect(validateGitlab('container_scanning', gl)).toEqual([]);
    expect(multitoolErrors(readFileSync(join(dir, 'rampart-reports/container.sarif'), 'utf8'))).toEqual([]);
    expect(d.out()).toMatch(/image\.tar: 2 layers, 2 packages on Alpine Linux v3\.11/);
    expect(readFileSync(join(dir, 'rampart-reports/sbom.cdx.json'), 'utf8')).toContain('pkg:apk/alpine/xen@4.13.1-r0');
  });

  it('refuses no source or two sources, and a missing file, with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-container-'));
    const none = deps(dir);
    expect(await main(['container'], none.deps)).toBe(2);
    expect(none.err()).toMatch(/--image <ref>, --tar <file>/);
    expect(await main(['container', '--tar', 'a.tar', '--rootfs', '/'], deps(dir).deps)).toBe(2);
    const missing = deps(dir);
    expect(await main(['container', '--tar', 'nope.tar'], missing.deps)).toBe(2);
    expect(missing.err()).toMatch(/nope\.tar/);
  });
});
