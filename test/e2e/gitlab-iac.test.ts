import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateGitlab } from '../../packages/core/src/writers/testing/validate.js';
import { CLI_BIN, requireBuilt } from './paths.js';
import { makeProject, runPipeline } from './gitlab-project.js';

describe('templates/iac.yml under gitlab-ci-local', () => {
  beforeAll(() => requireBuilt(CLI_BIN));

  it('writes a SAST report GitLab accepts with the misconfigurations of every file kind, and fails the gate', () => {
    const p = makeProject(
      ['include:', '  - local: templates/iac.yml', '    inputs:', '      paths: infra', '      fail-on: high', ''].join('\n'),
      { infra: 'packages/iac/test/fixtures/project' },
    );
    const { status, output } = runPipeline(p);
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/Gate: FAILED/);
    const art = join(p.dir, '.gitlab-ci-local/artifacts/rampart-iac/rampart-reports');
    const sast = JSON.parse(readFileSync(join(art, 'gl-sast-report.json'), 'utf8')) as { vulnerabilities: { identifiers: { value: string }[]; location: { file: string } }[] };
    expect(validateGitlab('sast', sast)).toEqual([]);
    const ids = sast.vulnerabilities.map((v) => `${v.identifiers[0]?.value} ${v.location.file}`);
    expect(ids).toEqual(expect.arrayContaining(['dockerfile.user-root infra/Dockerfile', 'tf.aws.open-ingress infra/infra/main.tf', 'gha.template-injection infra/.github/workflows/triage.yml']));
    expect(JSON.parse(readFileSync(join(art, 'gl-code-quality-report.json'), 'utf8'))).not.toEqual([]);
    expect(readFileSync(join(art, 'iac.junit.xml'), 'utf8')).toContain('k8s.privileged');
  });
});
