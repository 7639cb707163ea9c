import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAll } from './render-all.js';
import { scanRunFromJson } from './testing/fixtures.js';
import { multitoolErrors, validateGitlab, validateSarifSchema, type GitlabReportType } from './testing/validate.js';

const FIXTURES = new URL('../../test/fixtures/writers/', import.meta.url);
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const COMPACT = /\.(sarif|json)$/;

const GITLAB_TYPE: Record<string, GitlabReportType> = {
  'gl-sast-report.json': 'sast',
  'gl-dast-report.json': 'dast',
  'gl-secret-detection-report.json': 'secret_detection',
  'gl-dependency-scanning-report.json': 'dependency_scanning',
  'gl-container-scanning-report.json': 'container_scanning',
};

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe.each(cases)('writers golden: %s', (name) => {
  const dir = new URL(`${name}/`, FIXTURES);
  const run = scanRunFromJson(readFileSync(new URL('input.json', dir), 'utf8'));
  const { files } = renderAll(run, undefined, { sarif: { srcRoot: '/work/repo' }, markdown: { marker: 'rampart-summary' } });

  it.each(files.map((f) => [f.name, f.content] as const))('%s matches expected', (file, content) => {
    const expectedUrl = new URL(`expected.${file}`, dir);
    // Compact JSON outputs are kept pretty-printed in the golden file so a reviewer can read them.
    const compact = COMPACT.test(file) && file !== 'findings.json';
    if (compact) expect(content).toBe(`${JSON.stringify(JSON.parse(content))}\n`);
    const comparable = compact ? `${JSON.stringify(JSON.parse(content), null, 2)}\n` : content;
    if (UPDATE || !existsSync(expectedUrl)) writeFileSync(expectedUrl, comparable);
    expect(comparable).toBe(readFileSync(expectedUrl, 'utf8'));
  });

  it('has no stale expected files', () => {
    const produced = new Set(files.map((f) => `expected.${f.name}`));
    const stale = readdirSync(dir).filter((f) => f.startsWith('expected.') && !produced.has(f));
    expect(stale).toEqual([]);
  });

  it('every SARIF file passes the OASIS schema and the Multitool with GitHub rules', () => {
    const sarif = files.filter((f) => f.name.endsWith('.sarif'));
    expect(sarif.length).toBeGreaterThan(0);
    for (const f of sarif) {
      expect(validateSarifSchema(f.content)).toEqual([]);
      expect(multitoolErrors(f.content)).toEqual([]);
    }
  });

  it('every GitLab report passes its 15.0.7 schema', () => {
    for (const f of files) {
      const type = GITLAB_TYPE[f.name];
      if (type !== undefined) expect({ file: f.name, errors: validateGitlab(type, f.content) }).toEqual({ file: f.name, errors: [] });
    }
  });
});
