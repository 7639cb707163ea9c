import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alpineImage } from '../../packages/cli/test/support/alpine-image.js';
import { validateGitlab } from '../../packages/core/src/writers/testing/validate.js';
import type { OsvTestServer } from '../../packages/vulns/src/db/testing/osv-server.js';
import { startRealOsv } from './support.js';
import { CLI_BIN, requireBuilt } from './paths.js';
import { makeProject, runPipelineAsync } from './gitlab-project.js';

let osv: OsvTestServer;
beforeAll(async () => {
  requireBuilt(CLI_BIN);
  osv = await startRealOsv();
});
afterAll(async () => {
  await osv.close();
});


describe('templates/container-scanning.yml under gitlab-ci-local', () => {
  it('scans an image archive and writes a valid container_scanning report and the image SBOM', async () => {
    const p = makeProject(['include:', '  - local: templates/container-scanning.yml', '    inputs:', '      image-tar: image.tar', `      osv-url: ${osv.url}`, '      fail-on: none', ''].join('\n'), {});
    await alpineImage(p.dir);
    const { status, output } = await runPipelineAsync(p);
    expect(status, output).toBe(0);
    const art = join(p.dir, '.gitlab-ci-local/artifacts/rampart-container-scanning/rampart-reports');
    const report = JSON.parse(readFileSync(join(art, 'gl-container-scanning-report.json'), 'utf8')) as { vulnerabilities: { location: { image: string; operating_system: string } }[] };
    expect(validateGitlab('container_scanning', report)).toEqual([]);
    expect(report.vulnerabilities).toHaveLength(1);
    expect(report.vulnerabilities[0]?.location.operating_system).toBe('alpine 3.11.13');
    expect(readFileSync(join(art, 'sbom.cdx.json'), 'utf8')).toContain('pkg:apk/alpine/musl@1.1.24-r3');
  }, 240_000);
});
