import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateGitlab } from '../../packages/core/src/writers/testing/validate.js';
import { serve, type Running } from '../../packages/dast/test/apps/serve.js';
import { vulnerableApp } from '../../packages/dast/test/apps/vulnerable.js';
import { CLI_BIN, requireBuilt } from './paths.js';
import { makeProject, runPipelineAsync } from './gitlab-project.js';

let app: Running;
beforeAll(async () => {
  requireBuilt(CLI_BIN);
  app = await serve(vulnerableApp('http://127.0.0.1:9/'));
});
afterAll(async () => {
  await app.close();
});


describe('templates/dast.yml under gitlab-ci-local', () => {
  it('scans the environment_url.txt target with the built-in engine and writes a valid dast report', async () => {
    const p = makeProject(['stages: [build, test, deploy, dast]', 'include:', '  - local: templates/dast.yml', '    inputs:', '      engine: builtin', '      zap-service: []', '      fail-on: none', '      exclude: logout', ''].join('\n'), {});
    writeFileSync(join(p.dir, 'environment_url.txt'), `${app.url}\n`);
    const { status, output } = await runPipelineAsync(p);
    expect(status, output).toBe(0);
    const report = JSON.parse(readFileSync(join(p.dir, '.gitlab-ci-local/artifacts/rampart-dast/rampart-reports/gl-dast-report.json'), 'utf8')) as {
      vulnerabilities: unknown[];
      scan: { scanned_resources: { url: string }[] };
    };
    expect(validateGitlab('dast', report)).toEqual([]);
    expect(report.vulnerabilities.length).toBeGreaterThanOrEqual(5);
    expect(report.scan.scanned_resources.map((r) => r.url)).toContain(`${app.url}about`);
    expect(app.hits).not.toContain('GET /logout');
  }, 240_000);
});
