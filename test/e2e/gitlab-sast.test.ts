import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateGitlab } from '../../packages/core/src/writers/testing/validate.js';
import { CLI_BIN, requireBuilt } from './paths.js';
import { makeProject, runPipeline } from './gitlab-project.js';

describe('templates/sast.yml and templates/secret-detection.yml under gitlab-ci-local', () => {
  beforeAll(() => requireBuilt(CLI_BIN));

  it('runs a SAST scan in 2 shards, merges them, and the merged report validates and has the planted issues', () => {
    const p = makeProject(
      [
        'include:',
        '  - local: templates/sast.yml',
        '    inputs:',
        '      paths: app',
        '      shards: 2',
        '      fail-on: none',
        '  - local: templates/secret-detection.yml',
        '    inputs:',
        '      paths: app',
        '      fail-on: high',
        '      allow-failure: true',
        '',
      ].join('\n'),
      { app: 'examples/vulnerable-js' },
    );
    const { status, output } = runPipeline(p);
    expect(output).toMatch(/rampart-sast: \[1\/2\]|rampart-sast \[1\/2\]/);
    expect(status, output).toBe(0);
    const art = join(p.dir, '.gitlab-ci-local/artifacts/rampart-sast-merge/rampart-reports');
    const sast = JSON.parse(readFileSync(join(art, 'gl-sast-report.json'), 'utf8')) as { vulnerabilities: { identifiers: { value: string }[] }[] };
    expect(validateGitlab('sast', sast)).toEqual([]);
    const ids = sast.vulnerabilities.flatMap((v) => v.identifiers.map((i) => i.value));
    expect(ids).toContain('js.taint.command-injection');
    expect(ids).toContain('js.taint.sql-injection');
    expect(existsSync(join(art, 'gl-code-quality-report.json'))).toBe(true);

    // The secret is found, fails its gate, and allow-failure keeps the pipeline green.
    const secrets = join(p.dir, '.gitlab-ci-local/artifacts/rampart-secrets-merge/rampart-reports/gl-secret-detection-report.json');
    const report = JSON.parse(readFileSync(secrets, 'utf8')) as { vulnerabilities: unknown[] };
    expect(validateGitlab('secret_detection', report)).toEqual([]);
    expect(report.vulnerabilities.length).toBe(1);
    expect(readFileSync(secrets, 'utf8')).not.toContain('AKIAZ7QH4XK2PLMN3VRT');
    expect(output).toMatch(/rampart-secrets-merge.*(WARN|allowed to fail)/is);
  });
});
