import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multitoolErrors, validateGitlab, validateSarifSchema } from '../../core/src/writers/testing/validate.js';
import { serve, type Running } from '../../dast/test/apps/serve.js';
import { vulnerableApp } from '../../dast/test/apps/vulnerable.js';
import { main } from './main.js';
import { recordingDeps as deps } from './testing/recording-deps.js';

const outsideHits: string[] = [];
const outsideServer = createServer((req, res) => {
  outsideHits.push(req.url ?? '');
  res.end('x');
});
let app: Running;
beforeAll(async () => {
  await new Promise<void>((r) => outsideServer.listen(0, '127.0.0.1', r));
  app = await serve(vulnerableApp(`http://127.0.0.1:${(outsideServer.address() as AddressInfo).port}/`));
});
afterAll(async () => {
  await app.close();
  await new Promise((r) => outsideServer.close(r));
});

type Summary = { counts: { total: number }; gate: { passed: boolean; causes: { ruleId: string }[] }; notifications: { message: string }[] };

describe('rampart dast', () => {
  it('scans with the built-in engine when no ZAP is given, and writes a valid GitLab dast report with scanned resources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-dast-'));
    const d = deps(dir);
    expect(await main(['dast', '--target', app.url, '--fail-on', 'none', '--exclude', 'logout', '--json'], d.deps), d.err()).toBe(0);
    const summary = JSON.parse(d.out()) as Summary;
    expect(summary.counts.total).toBeGreaterThanOrEqual(5);
    expect(summary.notifications.map((n) => n.message).join('\n')).toMatch(/built-in engine/);
    const gl = JSON.parse(readFileSync(join(dir, 'rampart-reports/gl-dast-report.json'), 'utf8')) as { scan: { scanned_resources: { url: string }[] } };
    expect(validateGitlab('dast', gl)).toEqual([]);
    expect(gl.scan.scanned_resources.map((r) => r.url)).toContain(`${app.url}search?q=shoes`);
    const sarif = readFileSync(join(dir, 'rampart-reports/dast.sarif'), 'utf8');
    expect(validateSarifSchema(JSON.parse(sarif))).toEqual([]);
    expect(multitoolErrors(sarif)).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'rampart-reports/zap-report.json'), 'utf8'))).toMatchObject({ '@programName': 'rampart-dast' });
    expect(() => readFileSync(join(dir, 'rampart-reports/gl-code-quality-report.json'))).toThrow();
    expect(outsideHits).toEqual([]);
  });

  it('fails the gate on a FAIL rule whatever its severity, and never on a WARN one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-dast-'));
    writeFileSync(join(dir, 'rules.tsv'), '10037\tFAIL\t(no framework banners)\n10038\tWARN\t(CSP is next quarter)\n10020\tIGNORE\t(framed on purpose)\n');
    const d = deps(dir);
    const code = await main(['dast', '--target', app.url, '--rules', 'rules.tsv', '--fail-on', 'medium', '--json', '--formats', 'json'], d.deps);
    const summary = JSON.parse(d.out()) as Summary;
    expect(code).toBe(1);
    const causes = new Set(summary.gate.causes.map((c) => c.ruleId));
    // 10037 is low: only FAIL makes it a cause; 10038 is medium: WARN keeps it out.
    expect(causes).toContain('10037');
    expect(causes).not.toContain('10038');
    const findings = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as { findings: { ruleId: string }[] };
    expect(findings.findings.map((f) => f.ruleId)).not.toContain('10020');
  });

  it('exits 3 naming the target when it is down, and 2 for a bad target or a missing rules file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-dast-'));
    const down = deps(dir);
    expect(await main(['dast', '--target', 'http://127.0.0.1:9/'], down.deps)).toBe(3);
    expect(down.err()).toContain('http://127.0.0.1:9/');
    const bad = deps(dir);
    expect(await main(['dast', '--target', 'ftp://example.test/'], bad.deps)).toBe(2);
    expect(bad.err()).toMatch(/--target/);
    const rules = deps(dir);
    expect(await main(['dast', '--target', app.url, '--rules', 'nope.tsv'], rules.deps)).toBe(2);
    expect(rules.err()).toMatch(/nope\.tsv/);
  });
});

describe('rampart scan --target', () => {
  it('adds the DAST findings and the GitLab dast report to the SAST run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-dast-'));
    writeFileSync(join(dir, 'app.js'), "const cp = require('child_process');\ncp.exec('ls ' + process.argv[2]);\n");
    const d = deps(dir);
    expect(await main(['scan', '.', '--target', app.url, '--fail-on', 'none', '--json', '--no-sbom'], d.deps), d.err()).toBe(0);
    const findings = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as { findings: { kind: string }[] };
    const kinds = new Set(findings.findings.map((f) => f.kind));
    expect(kinds).toEqual(new Set(['sast', 'dast']));
    expect(validateGitlab('dast', JSON.parse(readFileSync(join(dir, 'rampart-reports/gl-dast-report.json'), 'utf8')))).toEqual([]);
  });
});

describe('rampart dast --engine auto', () => {
  it('falls back to the built-in engine, with a warning, when the ZAP it was given never starts', async () => {
    const { runDastRequest } = await import('./pipeline/run-dast.js');
    const dir = mkdtempSync(join(tmpdir(), 'rampart-dast-'));
    const d = deps(dir);
    const outcome = await runDastRequest(
      {
        target: app.url, mode: 'baseline', engine: 'auto', zapUrl: 'http://127.0.0.1:9', startupTimeoutMs: 50, headers: [], include: [],
        exclude: ['logout'], maxDurationSeconds: 60, maxDepth: 3, maxChildren: 20, requestBudget: 200, requestsPerSecond: 100,
        concurrency: 2, ajaxSpider: false, flags: { failOn: 'none', formats: 'json' },
      },
      d.deps,
    );
    expect(outcome.run.tools.map((t) => t.name)).toEqual(['rampart-dast']);
    expect(outcome.run.notifications.map((n) => n.message).join('\n')).toMatch(/did not start.*built-in engine instead/);
  });
});
