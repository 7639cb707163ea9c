import type { Finding, RawFinding } from '../../model/finding.js';
import { assignFingerprints } from '../../model/fingerprint.js';
import type { ScanRun } from '../../model/run.js';

/**
 * Builders for writer tests (here and in the lead's end-to-end tests). Not exported from
 * `writers/index.ts`: nothing shipped depends on them.
 */
export function rawFinding(over: Partial<RawFinding> & Pick<RawFinding, 'ruleId'>): RawFinding {
  return {
    kind: 'sast',
    title: `Rule ${over.ruleId}`,
    message: `Finding of ${over.ruleId}`,
    severity: 'medium',
    identifiers: [],
    location: { type: 'source', path: 'src/app.ts', startLine: 1 },
    tool: { name: 'rampart-sast', version: '0.1.0' },
    ...over,
  };
}

/** One finding of every kind and every location type, with the awkward cases writers must survive. */
export function everyKindFindings(): Finding[] {
  const raws: RawFinding[] = [
    rawFinding({
      ruleId: 'js.sqli',
      title: 'SQL injection',
      message: 'User input from `req.query.id` reaches <b>db.query</b> | see [docs](javascript:alert(1)) @octocat',
      help: 'Use parameterised queries.\n\n```js\ndb.query("select ?", [id])\n```',
      severity: 'high',
      confidence: 'high',
      identifiers: [
        { type: 'cwe', value: 'CWE-89', url: 'https://cwe.mitre.org/data/definitions/89.html' },
        { type: 'owasp', value: 'A03:2021' },
      ],
      location: { type: 'source', path: './src/db/users.ts', startLine: 42, endLine: 43, startColumn: 5, endColumn: 30, snippet: 'db.query("select * from u where id=" + id)' },
      flow: [
        { path: 'src/routes/users.ts', line: 10, column: 14, message: 'source: req.query.id' },
        { path: 'src/db/users.ts', line: 42, message: 'sink: db.query' },
      ],
    }),
    rawFinding({
      ruleId: 'js.eval',
      title: 'Use of eval',
      message: 'eval with data\u0000 \u0007 \u001b[31m & "quotes" \'apos\' ]]> \ud800 lone surrogate',
      severity: 'medium',
      identifiers: [{ type: 'cwe', value: '95' }],
      location: { type: 'source', path: 'src/util/my file#1.ts', startLine: 3 },
      tool: { name: 'semgrep', version: '1.90.0' },
    }),
    rawFinding({
      ruleId: 'generic.aws-key',
      kind: 'secret',
      title: 'AWS access key',
      message: 'An AWS access key id is committed.',
      severity: 'critical',
      identifiers: [{ type: 'cwe', value: 'CWE-798' }],
      location: { type: 'source', path: 'config/settings.py', startLine: 7 },
      tool: { name: 'gitleaks', version: 'v8.18.4' },
    }),
    rawFinding({
      ruleId: 'tf.s3-public',
      kind: 'iac',
      title: 'Public S3 bucket',
      message: 'Bucket ACL is public-read.',
      severity: 'low',
      location: { type: 'source', path: 'infra/main.tf' },
      suppression: { kind: 'inline', reason: 'static website bucket' },
    }),
    rawFinding({
      ruleId: '10038',
      kind: 'dast',
      title: 'Content Security Policy (CSP) Header Not Set',
      message: 'The response has no Content-Security-Policy header.',
      severity: 'medium',
      confidence: 'high',
      identifiers: [
        { type: 'zap', value: '10038', url: 'https://www.zaproxy.org/docs/alerts/10038/' },
        { type: 'cwe', value: '693' },
      ],
      location: { type: 'url', url: 'https://app.example.test/users/42?tab=1', method: 'GET', param: 'tab', evidence: '<html>' },
      tool: { name: 'ZAP', version: '2.15.0' },
    }),
    rawFinding({
      ruleId: 'GHSA-jf85-cpcp-j695',
      kind: 'dependency',
      title: 'Prototype pollution in lodash',
      message: 'lodash 4.17.11 is vulnerable to prototype pollution.',
      severity: 'critical',
      identifiers: [
        { type: 'ghsa', value: 'GHSA-jf85-cpcp-j695', url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695' },
        { type: 'cve', value: 'CVE-2019-10744', url: 'https://nvd.nist.gov/vuln/detail/CVE-2019-10744' },
      ],
      location: { type: 'package', name: 'lodash', version: '4.17.11', ecosystem: 'npm', purl: 'pkg:npm/lodash@4.17.11', file: 'web/package-lock.json' },
      tool: { name: 'osv', version: '1.0.0' },
      fix: { versions: ['4.17.12'] },
    }),
    rawFinding({
      ruleId: 'CVE-2023-5678',
      kind: 'container',
      title: 'openssl: excessive time in DH checks',
      message: 'openssl 3.1.4-r0 in alpine:3.19 is affected by CVE-2023-5678.',
      severity: 'unknown',
      identifiers: [{ type: 'cve', value: 'CVE-2023-5678' }],
      location: { type: 'package', name: 'openssl', version: '3.1.4-r0', ecosystem: 'apk', image: 'registry.example.test:5000/team/app:1.2', operatingSystem: 'alpine 3.19' },
      tool: { name: 'trivy', version: '0.50.1' },
      fix: { versions: ['3.1.4-r1'], summary: 'Rebuild on alpine:3.19.1' },
    }),
    rawFinding({
      ruleId: 'license.agpl',
      kind: 'license',
      title: 'AGPL-3.0 license',
      message: 'left-pad is licensed AGPL-3.0-only, which the policy denies.',
      severity: 'info',
      location: { type: 'package', name: 'left-pad', version: '1.3.0', ecosystem: 'npm' },
      tool: { name: 'osv', version: '1.0.0' },
      suppression: { kind: 'ignore-file', reason: 'legal approved', expires: '2030-01-01' },
    }),
  ];
  return assignFingerprints(raws);
}

export function scanRun(findings: Finding[], over: Partial<ScanRun> = {}): ScanRun {
  const tools = [...new Map(findings.map((f) => [f.tool.name, f.tool])).values()];
  return {
    scanner: 'report',
    tools: tools.length > 0 ? tools : [{ name: 'rampart-sast', version: '0.1.0' }],
    startedAt: new Date('2024-05-01T10:00:00.123Z'),
    finishedAt: new Date('2024-05-01T10:02:03.456Z'),
    findings,
    notifications: [],
    ...over,
  };
}

/** A run with findings of every kind, a baseline (two findings new), a failed gate and notes. */
export function everyKindRun(): ScanRun {
  const findings = everyKindFindings();
  const isNew = (f: Finding) => f.ruleId === 'js.sqli' || f.ruleId === '10038';
  return scanRun(findings, {
    baseline: { new: findings.filter(isNew), unchanged: findings.filter((f) => !isNew(f)), fixed: [] },
    gate: { passed: false, failOn: 'high', newOnly: false, causes: findings.filter((f) => f.severity === 'critical' || f.severity === 'high') },
    notifications: [
      { level: 'warning', message: 'Ignore for CVE-2020-1 expired on 2024-01-01 and no longer applies.' },
      { level: 'note', message: 'Ignore for path vendor/** matched nothing.' },
    ],
    scannedResources: [
      { method: 'GET', url: 'https://app.example.test/' },
      { method: 'POST', url: 'https://app.example.test/login' },
    ],
  });
}

/** ScanRun as stored in golden `input.json`: dates as ISO strings. */
export function scanRunFromJson(text: string): ScanRun {
  const raw = JSON.parse(text) as Omit<ScanRun, 'startedAt' | 'finishedAt'> & { startedAt: string; finishedAt: string };
  return { ...raw, startedAt: new Date(raw.startedAt), finishedAt: new Date(raw.finishedAt) };
}
