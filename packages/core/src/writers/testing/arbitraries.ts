import fc from 'fast-check';
import type { Finding, Location, RawFinding } from '../../model/finding.js';
import { FINDING_KINDS, SEVERITIES } from '../../model/finding.js';
import { assignFingerprints } from '../../model/fingerprint.js';

/** Text as hostile as scanned code can make it: markup, control characters, lone surrogates. */
export const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('<script>alert(1)</script>', ']]>', '&amp;', '| pipe |', '[x](javascript:1)', '@team', '\u0000\u001b[1m', '\ud800', 'a\r\nb', '`code`', '#1', '%2F', 'C:\\x'),
);

const nonEmpty = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => a.filter((s) => s.length > 0);

const pathArb = nonEmpty(
  fc.oneof(
    fc.array(nonEmpty(fc.string({ unit: 'grapheme', maxLength: 8 })), { minLength: 1, maxLength: 4 }).map((a) => a.join('/')),
    fc.constantFrom('./src/a.ts', '/abs/outside/x.py', 'C:\\win\\y.cs', 'a b/c#d?.js', 'alpine:3.19', '%41.txt'),
  ),
);

export const locationArb: fc.Arbitrary<Location> = fc.oneof(
  fc.record(
    {
      type: fc.constant('source' as const),
      path: pathArb,
      startLine: fc.integer({ min: 1, max: 100000 }),
      endLine: fc.integer({ min: 1, max: 100000 }),
      startColumn: fc.integer({ min: 1, max: 500 }),
      endColumn: fc.integer({ min: 1, max: 500 }),
      snippet: nastyText,
    },
    { requiredKeys: ['type', 'path'] },
  ),
  fc.record(
    {
      type: fc.constant('url' as const),
      url: nonEmpty(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), nastyText)),
      method: fc.constantFrom('GET', 'post', 'PUT'),
      param: nastyText,
      evidence: nastyText,
    },
    { requiredKeys: ['type', 'url'] },
  ),
  fc.record(
    {
      type: fc.constant('package' as const),
      name: nonEmpty(nastyText),
      version: nastyText,
      ecosystem: fc.constantFrom('npm', 'PyPI', 'apk', 'Go'),
      file: pathArb,
      image: fc.constantFrom('alpine:3.19', 'ghcr.io/o/r@sha256:abcd', 'localhost:5000/x:y', 'busybox'),
      operatingSystem: fc.constantFrom('alpine 3.19', 'debian 12'),
    },
    { requiredKeys: ['type', 'name'] },
  ),
);

export const rawFindingArb: fc.Arbitrary<RawFinding> = fc.record(
  {
    kind: fc.constantFrom(...FINDING_KINDS),
    ruleId: nonEmpty(fc.oneof(nastyText, fc.constantFrom('CVE-2024-0001', 'js.sqli', '10038'))),
    title: nastyText,
    message: nastyText,
    help: nastyText,
    severity: fc.constantFrom(...SEVERITIES),
    confidence: fc.constantFrom('high' as const, 'medium' as const, 'low' as const),
    identifiers: fc.array(
      fc.record(
        { type: fc.constantFrom('cve', 'cwe', 'ghsa', 'owasp', 'zap', 'x'), value: nonEmpty(nastyText), url: fc.oneof(fc.webUrl(), nastyText) },
        { requiredKeys: ['type', 'value'] },
      ),
      { maxLength: 3 },
    ),
    location: locationArb,
    tool: fc.record({ name: nonEmpty(fc.constantFrom('semgrep', 'trivy', 'zap', 'x y', 'ünï')), version: fc.constantFrom('', '1.2.3', 'v8', 'dev') }),
    fix: fc.record({ versions: fc.array(nastyText, { maxLength: 2 }), summary: nastyText }, { requiredKeys: [] }),
    suppression: fc.record({ kind: fc.constantFrom('inline' as const, 'ignore-file' as const, 'baseline' as const), reason: nastyText }),
    flow: fc.array(fc.record({ path: pathArb, line: fc.integer({ min: 1, max: 1000 }), message: nastyText }, { requiredKeys: ['path', 'line'] }), { maxLength: 3 }),
  },
  { requiredKeys: ['kind', 'ruleId', 'title', 'message', 'severity', 'identifiers', 'location', 'tool'] },
) as fc.Arbitrary<RawFinding>;

export const findingsArb: fc.Arbitrary<Finding[]> = fc.array(rawFindingArb, { maxLength: 12 }).map((raws) => assignFingerprints(raws));
