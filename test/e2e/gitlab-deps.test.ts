import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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


describe('templates/dependency-scanning.yml under gitlab-ci-local', () => {
  it('writes a valid dependency_scanning report and the CycloneDX SBOM, online and from the cached mirror', async () => {
    for (const database of ['online', 'offline']) {
      const inputs = database === 'online' ? [`      osv-url: ${osv.url}`] : ['      database: offline', '      ecosystems: npm PyPI'];
      const p = makeProject(['include:', '  - local: templates/dependency-scanning.yml', '    inputs:', '      paths: app', '      fail-on: none', ...inputs, ''].join('\n'), {
        app: 'packages/cli/test/fixtures/deps-project',
      });
      if (database === 'offline') {
        // The bucket the template pulls from: the same local server, through the CLI's flag.
        const ci = readFileSync(join(p.dir, 'templates/dependency-scanning.yml'), 'utf8').replace('set -- db pull', `set -- db pull --osv-bucket ${osv.url}`);
        writeFileSync(join(p.dir, 'templates/dependency-scanning.yml'), ci);
      }
      const { status, output } = await runPipelineAsync(p);
      expect(status, output).toBe(0);
      const art = join(p.dir, '.gitlab-ci-local/artifacts/rampart-dependency-scanning/rampart-reports');
      const report = JSON.parse(readFileSync(join(art, 'gl-dependency-scanning-report.json'), 'utf8')) as { vulnerabilities: { identifiers: { value: string }[] }[] };
      expect(validateGitlab('dependency_scanning', report), database).toEqual([]);
      expect(report.vulnerabilities.flatMap((v) => v.identifiers.map((i) => i.value)), database).toContain('CVE-2021-23337');
      expect(JSON.parse(readFileSync(join(art, 'sbom/sbom.cdx.json'), 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX' });
    }
  }, 300_000);
});
