import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multitoolErrors, validateGitlab } from '../../core/src/writers/testing/validate.js';
import { startOsvServer, type OsvTestServer } from '../../vulns/src/db/testing/osv-server.js';
import { main } from './main.js';
import { recordingDeps as deps } from './testing/recording-deps.js';

const fixture = join(import.meta.dirname, '../test/fixtures/deps-project');
const records = join(import.meta.dirname, '../../vulns/test/fixtures/osv');
let osv: OsvTestServer;

beforeAll(async () => {
  const all = readdirSync(records).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(records, f), 'utf8')) as Record<string, unknown>);
  osv = await startOsvServer(all);
});
afterAll(async () => {
  await osv.close();
});

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-deps-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

interface Findings {
  findings: { ruleId: string; severity: string; identifiers: { type: string; value: string }[]; location: { name: string; version: string; file: string }; fix?: { versions?: string[] } }[];
}

describe('rampart deps', () => {
  it('matches a real npm lockfile and requirements.txt against OSV records and writes a valid dependency_scanning report', async () => {
    const dir = project();
    const d = deps(dir);
    expect(await main(['deps', '.', '--osv-url', osv.url, '--fail-on', 'high'], d.deps), d.err()).toBe(1);
    const { findings } = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as Findings;
    const lodash = findings.filter((f) => f.location.name === 'lodash');
    // lodash 4.17.20: command injection (fixed in 4.17.21); the prototype pollution range ends before it.
    expect(lodash.map((f) => f.ruleId)).toEqual(['CVE-2021-23337']);
    expect(lodash[0]?.identifiers.map((i) => i.value)).toContain('GHSA-35jh-r3h4-6jhm');
    expect(lodash[0]?.fix?.versions).toEqual(['4.17.21']);
    expect(lodash[0]?.severity).toBe('high');
    expect(lodash[0]?.location.file).toBe('package-lock.json');
    // requests 2.30.0: one finding although GHSA-j8r2-6x86-q33q and PYSEC-2023-74 are both served (aliases).
    const requests = findings.filter((f) => f.location.name === 'requests');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.identifiers.map((i) => i.value)).toEqual(expect.arrayContaining(['CVE-2023-32681']));
    expect(findings.filter((f) => f.location.name === 'idna')).toEqual([]);
    const gl = JSON.parse(readFileSync(join(dir, 'rampart-reports/gl-dependency-scanning-report.json'), 'utf8')) as unknown;
    expect(validateGitlab('dependency_scanning', gl)).toEqual([]);
    expect(multitoolErrors(readFileSync(join(dir, 'rampart-reports/deps.sarif'), 'utf8'))).toEqual([]);
  });

  it('pulls the offline mirror with `rampart db pull` and gives the same findings with --offline, without the network', async () => {
    const dir = project();
    const cache = mkdtempSync(join(tmpdir(), 'rampart-osv-cache-'));
    const pull = deps(dir);
    expect(await main(['db', 'pull', '--ecosystem', 'npm', '--ecosystem', 'PyPI', '--cache-dir', cache, '--osv-bucket', osv.url], pull.deps), pull.err()).toBe(0);
    expect(pull.out()).toMatch(/npm: \d+ advisories/);
    const online = deps(dir);
    await main(['deps', '.', '--osv-url', osv.url, '--fail-on', 'none', '--out-dir', 'on', '--formats', 'json'], online.deps);
    const before = osv.requests.length;
    const offline = deps(dir);
    expect(await main(['deps', '.', '--offline', '--cache-dir', cache, '--fail-on', 'none', '--out-dir', 'off', '--formats', 'json', '--json'], offline.deps), offline.err()).toBe(0);
    expect(osv.requests.length).toBe(before);
    const ids = (out: string) => (JSON.parse(readFileSync(join(dir, out, 'findings.json'), 'utf8')) as Findings).findings.map((f) => `${f.ruleId} ${f.location.name}`).sort();
    expect(ids('off')).toEqual(ids('on'));
    expect(offline.out()).toMatch(/offline npm database: \d+ advisories, pulled/);
  });

  it('--offline without a pulled mirror tells the user to run rampart db pull, exit 2', async () => {
    const d = deps(project());
    expect(await main(['deps', '.', '--offline', '--cache-dir', mkdtempSync(join(tmpdir(), 'empty-cache-'))], d.deps)).toBe(2);
    expect(d.err()).toMatch(/rampart db pull/);
  });

  it('an OSV API that is down is exit 3', async () => {
    const d = deps(project());
    expect(await main(['deps', '.', '--osv-url', 'http://127.0.0.1:9'], d.deps)).toBe(3);
  });
});

describe('rampart scan and dependency scanning', () => {
  it('skips it with a note when no mirror was pulled, and uses the mirror when one was', async () => {
    const dir = project();
    const cache = mkdtempSync(join(tmpdir(), 'rampart-osv-cache-'));
    const before = deps(dir);
    expect(await main(['scan', '.', '--cache-dir', cache, '--fail-on', 'none', '--json', '--formats', 'json'], before.deps), before.err()).toBe(0);
    expect(before.out()).toMatch(/dependency scanning skipped: no offline OSV database/);
    expect(await main(['db', 'pull', '--ecosystem', 'npm', '--cache-dir', cache, '--osv-bucket', osv.url], deps(dir).deps)).toBe(0);
    const after = deps(dir);
    expect(await main(['scan', '.', '--cache-dir', cache, '--fail-on', 'none', '--json'], after.deps), after.err()).toBe(0);
    const { findings } = JSON.parse(readFileSync(join(dir, 'rampart-reports/findings.json'), 'utf8')) as Findings;
    expect(findings.map((f) => f.ruleId)).toContain('CVE-2021-23337');
    expect(validateGitlab('dependency_scanning', JSON.parse(readFileSync(join(dir, 'rampart-reports/gl-dependency-scanning-report.json'), 'utf8')))).toEqual([]);
  });
});
