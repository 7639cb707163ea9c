import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { READER_IDS } from './registry.js';
import { readReport } from './read-report.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/readers/', import.meta.url));
const fixture = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8');

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

describe('readReport errors', () => {
  it('refuses text that is neither JSON nor XML, naming the file and the line', () => {
    const err = userError(() => readReport('{\n  "runs": [],\n}', { file: 'out/report.json' }));
    expect(err.file).toBe('out/report.json');
    expect(err.message).toContain('out/report.json');
    expect(err.message).toMatch(/neither JSON nor XML/);
    expect(err.line).toBe(3);
  });

  it('refuses an empty file', () => {
    const err = userError(() => readReport('  \n', { file: 'empty.json' }));
    expect(err.message).toMatch(/empty/);
    expect(err.file).toBe('empty.json');
  });

  it('refuses malformed XML with its line', () => {
    const err = userError(() => readReport('<OWASPZAPReport>\n<site>\n</OWASPZAPReport>', { file: 'zap.xml' }));
    expect(err.message).toMatch(/not well-formed XML/);
    expect(err.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses XML fragments the validator lets through (found by fuzzing)', () => {
    const err = userError(() => readReport('<A/', { file: 'frag.xml' }));
    expect(err.message).toMatch(/not well-formed XML/);
  });

  it('refuses JSON of an unknown shape instead of reading it as empty, and lists the formats', () => {
    const err = userError(() => readReport('{"issues": []}', { file: 'mystery.json' }));
    expect(err.file).toBe('mystery.json');
    expect(err.message).toMatch(/not a report format/);
    for (const id of READER_IDS) expect(err.expected).toContain(`(${id})`);
  });

  it('refuses an unknown --format id', () => {
    const err = userError(() => readReport('{}', { file: 'r.json', format: 'checkmarx' }));
    expect(err.field).toBe('format');
    expect(err.expected).toContain('sarif');
  });

  it('refuses a report whose top level is the wrong type for the forced format', () => {
    const err = userError(() => readReport('{"version": "2.1.0", "runs": {}}', { file: 'codeql.sarif', format: 'sarif' }));
    expect(err.file).toBe('codeql.sarif');
    expect(err.field).toBe('runs');
    expect(err.expected).toMatch(/SARIF/);
  });

  it('refuses a top-level array when Trivy is forced on a Grype-like object', () => {
    const err = userError(() => readReport('{"matches": 3}', { file: 'grype.json', format: 'grype' }));
    expect(err.field).toBe('matches');
  });
});

describe('readReport', () => {
  it('uses the forced format even when detection would not pick it', () => {
    const result = readReport('[]', { file: 'leaks.json', format: 'trivy' });
    expect(result.format).toBe('trivy');
    expect(result.findings).toEqual([]);
  });

  it('reads a clean Gitleaks report as no findings', () => {
    const result = readReport('[]\n', { file: 'gitleaks.json' });
    expect(result.format).toBe('gitleaks');
    expect(result.findings).toEqual([]);
  });

  it('strips a UTF-8 byte order mark', () => {
    const result = readReport(`\uFEFF${fixture('gitleaks-v8/input.json')}`, { file: 'gitleaks.json' });
    expect(result.findings).toHaveLength(3);
  });

  it('makes absolute paths under root relative (ESLint writes file:// URIs)', () => {
    const result = readReport(fixture('sarif-eslint/input.sarif'), { file: 'eslint.sarif', root: '/home/runner/work/shop/shop/' });
    const paths = result.findings.map((f) => (f.location.type === 'source' ? f.location.path : ''));
    expect(paths).toEqual(['src/util/template.js', 'src/routes/files.js', 'src/routes/files.js']);
  });

  it('reports entries it could not use, with where they are', () => {
    const result = readReport(fixture('semgrep-json-legacy/input.json'), { file: 'semgrep.json' });
    expect(result.skipped).toEqual([{ reason: expect.stringMatching(/result is malformed/), entry: 'results[3]' }]);
    expect(result.findings).toHaveLength(3);
  });

  it('never passes on a secret in a snippet', () => {
    for (const path of ['gitleaks-v8/input.json', 'gitleaks-v7/input.json', 'sarif-gitleaks/input.sarif']) {
      const text = fixture(path);
      const out = JSON.stringify(readReport(text, { file: path }).findings);
      for (const secret of ['AKIAQ4XK2WMBNX7EXAMP', '9f6c1e2a7b3d8f4e0a5c6b7d8e9f0a1b2c3d4e5f', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'abcdefghijklmnopqrstuvwx']) {
        expect(out).not.toContain(secret);
      }
    }
  });
});

describe('the reports the CLI end-to-end test ingests', () => {
  const REPORTS = fileURLToPath(new URL('../../test/fixtures/reports/', import.meta.url));
  const expected: [string, string, number][] = [
    ['codeql.sarif', 'sarif', 4],
    ['trivy-image.json', 'trivy', 5],
    ['semgrep.json', 'semgrep', 3],
    ['zap.json', 'zap', 5],
  ];
  for (const [file, format, count] of expected) {
    it(`${file} reads as ${format}`, () => {
      const result = readReport(readFileSync(`${REPORTS}${file}`, 'utf8'), { file });
      expect(result.format).toBe(format);
      expect(result.findings).toHaveLength(count);
    });
  }
});

describe('clean reports', () => {
  // What each tool writes when it finds nothing: detected as its format and read as no findings,
  // never refused as unknown (that would fail a run that passed) nor guessed as another format.
  const clean: [string, string][] = [
    ['sarif', '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL","semanticVersion":"2.15.3","rules":[]}},"results":[]}]}'],
    ['semgrep', '{"errors":[],"paths":{"scanned":["app.py"]},"results":[],"version":"1.56.0"}'],
    ['trivy', '{"SchemaVersion":2,"ArtifactName":".","ArtifactType":"filesystem","Metadata":{}}'],
    ['grype', '{"matches":[],"source":{"type":"directory","target":"."},"descriptor":{"name":"grype","version":"0.74.7"}}'],
    ['zap', '{"@programName":"ZAP","@version":"2.14.0","@generated":"Tue, 14 May 2024 10:02:37","site":[]}'],
    ['zap', '<?xml version="1.0"?><OWASPZAPReport programName="ZAP" version="2.12.0" generated="x"></OWASPZAPReport>'],
    ['gitleaks', '[]'],
    ['bandit', '{"errors":[],"generated_at":"2024-05-14T11:20:51Z","metrics":{"_totals":{"loc":0}},"results":[]}'],
    ['npm-audit', '{"auditReportVersion":2,"vulnerabilities":{},"metadata":{"vulnerabilities":{"total":0}}}'],
    ['npm-audit', '{"actions":[],"advisories":{},"muted":[],"metadata":{"vulnerabilities":{"info":0}}}'],
    ['gitlab', '{"version":"15.0.7","vulnerabilities":[],"scan":{"type":"sast","scanner":{"id":"semgrep","name":"Semgrep","version":"1.56.0"}}}'],
  ];
  for (const [format, text] of clean) {
    it(`an empty ${format} report reads as no findings`, () => {
      const result = readReport(text, { file: `clean.${format}` });
      expect(result.format).toBe(format);
      expect(result.findings).toEqual([]);
      expect(result.skipped).toEqual([]);
      expect(result.tools.length).toBeGreaterThan(0);
    });
  }
});
