import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateCycloneDx, validateSpdx } from '../../packages/sbom/src/index.js';
import { CLI_BIN, requireBuilt } from './paths.js';
import { makeProject, runPipeline } from './gitlab-project.js';

describe('templates/sbom.yml under gitlab-ci-local', () => {
  beforeAll(() => requireBuilt(CLI_BIN));

  it('writes the CycloneDX report GitLab reads, and the SPDX SBOM, both valid', async () => {
    const p = makeProject(
      ['include:', '  - local: templates/sbom.yml', '    inputs:', '      paths: app', '      fail-on: high', ''].join('\n'),
      { app: 'packages/cli/test/fixtures/sbom-project' },
    );
    const { status, output } = runPipeline(p);
    expect(status, output).toBe(0);
    const art = join(p.dir, '.gitlab-ci-local/artifacts/rampart-sbom/rampart-reports');
    const cdx = readFileSync(join(art, 'sbom.cdx.json'), 'utf8');
    expect(await validateCycloneDx(cdx, '1.6')).toEqual([]);
    expect(validateSpdx(readFileSync(join(art, 'sbom.spdx.json'), 'utf8'))).toEqual([]);
    const doc = JSON.parse(cdx) as { components: { purl: string }[]; metadata: { timestamp: string } };
    expect(doc.components.map((c) => c.purl)).toContain('pkg:npm/ms@2.1.2');
    expect(JSON.parse(readFileSync(join(art, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
    // The template turns CI_COMMIT_TIMESTAMP into SOURCE_DATE_EPOCH: the SBOM of a commit is dated by the commit.
    const committed = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: p.dir, encoding: 'utf8' }).trim();
    expect(Date.parse(doc.metadata.timestamp) / 1000).toBe(Number(committed));
  });

  it('fails the job on a denied license', () => {
    const p = makeProject(
      ['include:', '  - local: templates/sbom.yml', '    inputs:', '      paths: app', '      fail-on: high', '      config: app/.rampart.yml', ''].join('\n'),
      { app: 'packages/cli/test/fixtures/sbom-project', 'app/.rampart.yml': 'test/fixtures/license-deny-mit/.rampart.yml' },
    );
    const { status, output } = runPipeline(p);
    expect(status).not.toBe(0);
    expect(output).toMatch(/Gate: FAILED/);
    const quality = JSON.parse(
      readFileSync(join(p.dir, '.gitlab-ci-local/artifacts/rampart-sbom/rampart-reports/gl-code-quality-report.json'), 'utf8'),
    ) as { check_name: string }[];
    expect(quality.length).toBeGreaterThanOrEqual(3);
  });
});
