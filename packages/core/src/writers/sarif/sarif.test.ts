import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../model/finding.js';
import { assignFingerprints } from '../../model/fingerprint.js';
import { findingsArb } from '../testing/arbitraries.js';
import { everyKindRun, rawFinding, scanRun } from '../testing/fixtures.js';
import { multitoolErrors, validateSarifSchema } from '../testing/validate.js';
import { capResult, GITHUB_LIMITS } from './limits.js';
import { renderSarif } from './render.js';
import type { SarifLog, SarifResult } from './types.js';

function parse(content: string): SarifLog {
  return JSON.parse(content) as SarifLog;
}

function manyFindings(n: number, severityOf: (i: number) => Severity, message = (i: number) => `m${i}`): Finding[] {
  const raws = Array.from({ length: n }, (_, i) =>
    rawFinding({ ruleId: `r${i % 50}`, severity: severityOf(i), message: message(i), location: { type: 'source', path: `src/f${i}.ts`, startLine: 1 + (i % 90) } }),
  );
  return assignFingerprints(raws);
}

describe('renderSarif', () => {
  const run = everyKindRun();
  const log = parse(renderSarif(run, { srcRoot: '/work/repo' }).files[0]!.content);
  const results = log.runs.flatMap((r) => r.results.map((res) => ({ run: r, res })));

  it('writes one run per tool with the category and every rule its results use', () => {
    expect(log.runs.map((r) => r.tool.driver.name)).toEqual(run.tools.map((t) => t.name));
    for (const r of log.runs) expect(r.automationDetails.id).toBe('rampart/report/');
    for (const { run: r, res } of results) expect(r.tool.driver.rules[res.ruleIndex]?.id).toBe(res.ruleId);
    expect(results).toHaveLength(run.findings.length);
  });

  it('carries fingerprints, baseline state and suppressions', () => {
    const byRule = new Map(results.map(({ res }) => [res.ruleId, res]));
    const sqli = run.findings.find((f) => f.ruleId === 'js.sqli')!;
    expect(byRule.get('js.sqli')?.partialFingerprints).toEqual({ 'rampart/v1': sqli.fingerprint });
    expect(byRule.get('js.sqli')?.baselineState).toBe('new');
    expect(byRule.get('js.eval')?.baselineState).toBe('unchanged');
    expect(byRule.get('tf.s3-public')?.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'static website bucket' }]);
    expect(byRule.get('license.agpl')?.suppressions?.[0]?.kind).toBe('external');
    expect(byRule.get('js.sqli')?.codeFlows?.[0]?.threadFlows[0]?.locations).toHaveLength(2);
  });

  it('maps each location type the way GitHub displays it', () => {
    const loc = (rule: string) => results.find(({ res }) => res.ruleId === rule)!.res.locations[0]!;
    expect(loc('js.sqli').physicalLocation?.artifactLocation).toEqual({ uri: 'src/db/users.ts', uriBaseId: '%SRCROOT%' });
    expect(loc('js.eval').physicalLocation?.artifactLocation.uri).toBe('src/util/my%20file%231.ts');
    expect(loc('10038').physicalLocation?.artifactLocation).toEqual({ uri: 'https://app.example.test/users/42?tab=1' });
    expect(loc('GHSA-jf85-cpcp-j695').physicalLocation).toEqual({ artifactLocation: { uri: 'web/package-lock.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    const image = loc('CVE-2023-5678');
    expect(image.physicalLocation?.artifactLocation.uri).toBe('registry.example.test%3A5000/team/app');
    expect(image.logicalLocations?.[0]?.fullyQualifiedName).toBe('registry.example.test:5000/team/app:1.2/openssl@3.1.4-r0');
    expect(log.runs[0]?.originalUriBaseIds['%SRCROOT%']).toEqual({ uri: 'file:///work/repo/' });
  });

  it('fills the rule metadata GitHub reads', () => {
    const rule = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'js.sqli')!;
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['security', 'external/cwe/cwe-89']));
    expect(rule.properties['security-severity']).toBe('8.0');
    expect(rule.properties.precision).toBe('high');
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(rule.help.markdown).toContain('[CWE: CWE-89](https://cwe.mitre.org/data/definitions/89.html)');
    const license = log.runs.flatMap((r) => r.tool.driver.rules).find((r) => r.id === 'license.agpl')!;
    expect(license.properties.tags).not.toContain('security');
  });

  it('makes absolute paths under srcRoot relative and leaves others absolute without a base', () => {
    const f = assignFingerprints([
      rawFinding({ ruleId: 'a', location: { type: 'source', path: '/work/repo/src/x.ts', startLine: 2 } }),
      rawFinding({ ruleId: 'b', location: { type: 'source', path: '/elsewhere/y.ts', startLine: 2 } }),
    ]);
    const out = parse(renderSarif(scanRun(f), { srcRoot: '/work/repo/' }).files[0]!.content);
    const uris = new Map(out.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation?.artifactLocation]));
    expect(uris.get('a')).toEqual({ uri: 'src/x.ts', uriBaseId: '%SRCROOT%' });
    expect(uris.get('b')).toEqual({ uri: 'file:///elsewhere/y.ts' });
  });

  it('writes a valid run when there are no findings, so GitHub can close old alerts', () => {
    const out = renderSarif(scanRun([], { scanner: 'sast' }));
    expect(out.files.map((f) => f.name)).toEqual(['sast.sarif']);
    const doc = parse(out.files[0]!.content);
    expect(doc.runs).toHaveLength(1);
    expect(doc.runs[0]!.results).toEqual([]);
    expect(validateSarifSchema(doc)).toEqual([]);
    expect(multitoolErrors(out.files[0]!.content)).toEqual([]);
  });

  it('is deterministic whatever order findings arrive in', () => {
    const reversed = { ...run, findings: [...run.findings].reverse(), tools: run.tools };
    expect(renderSarif(reversed).files[0]!.content).toBe(renderSarif(run).files[0]!.content);
  });
});

describe('renderSarif within GitHub limits', () => {
  it('keeps the 25,000 most severe results of a run and says so in the run and in notes', () => {
    const n = GITHUB_LIMITS.resultsPerRun + 1;
    // The single `low` finding is the one that must go.
    const findings = manyFindings(n, (i) => (i === 7 ? 'low' : i % 2 === 0 ? 'high' : 'medium'));
    const out = renderSarif(scanRun(findings));
    const doc = parse(out.files[0]!.content);
    expect(doc.runs[0]!.results).toHaveLength(GITHUB_LIMITS.resultsPerRun);
    expect(doc.runs[0]!.results.some((r) => r.level === 'note')).toBe(false);
    expect(out.notes).toHaveLength(1);
    expect(out.notes[0]?.message).toContain('left out 1');
    const toolNotes = doc.runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(toolNotes.map((t) => t.message.text)).toContain(out.notes[0]?.message);
    expect(validateSarifSchema(doc)).toEqual([]);
    expect(multitoolErrors(out.files[0]!.content)).toEqual([]);
  }, 300_000);

  it('cuts a result to 1,000 locations and counts it', () => {
    const loc = { physicalLocation: { artifactLocation: { uri: 'a.ts' } } };
    const result: SarifResult = {
      ruleId: 'r', ruleIndex: 0, level: 'error', message: { text: 'm' }, partialFingerprints: {},
      locations: Array.from({ length: 1001 }, () => loc),
      relatedLocations: Array.from({ length: 1001 }, () => loc),
    };
    const counts = { locations: 0, flows: 0 };
    capResult(result, counts);
    expect(result.locations).toHaveLength(1000);
    expect(result.relatedLocations).toHaveLength(1000);
    expect(counts).toEqual({ locations: 1, flows: 0 });
  });

  it('cuts a code flow to 10,000 steps, keeping source and sink', () => {
    const flow = Array.from({ length: 10_001 }, (_, i) => ({ path: 'src/a.ts', line: i + 1 }));
    const findings = assignFingerprints([rawFinding({ ruleId: 'taint', flow })]);
    const out = renderSarif(scanRun(findings));
    const steps = parse(out.files[0]!.content).runs[0]!.results[0]!.codeFlows![0]!.threadFlows[0]!.locations;
    expect(steps).toHaveLength(10_000);
    expect(steps[0]?.location.physicalLocation?.region?.startLine).toBe(1);
    expect(steps.at(-1)?.location.physicalLocation?.region?.startLine).toBe(10_001);
    expect(out.notes.map((n) => n.message).join('\n')).toContain('code flows longer than 10000');
  });

  it('spreads more than 20 tools over several files of at most 20 runs', () => {
    const raws = Array.from({ length: 21 }, (_, i) => rawFinding({ ruleId: `r${i}`, tool: { name: `tool${String(i).padStart(2, '0')}`, version: '1.0.0' } }));
    const out = renderSarif(scanRun(assignFingerprints(raws), { scanner: 'report' }));
    expect(out.files.map((f) => f.name)).toEqual(['report.sarif', 'report.2.sarif']);
    expect(out.files.map((f) => parse(f.content).runs.length)).toEqual([20, 1]);
    expect(out.notes.some((n) => n.message.includes('21 tools'))).toBe(true);
  });

  it('shrinks a file that would gzip to more than 10 MB', () => {
    // Random base64 barely compresses, so 6,000 x 4 KB messages gzip to well over 10 MB.
    const findings = manyFindings(6000, (i) => (i < 10 ? 'critical' : 'low'), () => randomBytes(3000).toString('base64'));
    const out = renderSarif(scanRun(findings));
    const content = out.files[0]!.content;
    expect(gzipSync(content).length).toBeLessThanOrEqual(GITHUB_LIMITS.gzippedBytesPerFile);
    const doc = parse(content);
    expect(doc.runs[0]!.results.length).toBeLessThan(6000);
    expect(doc.runs[0]!.results.filter((r) => r.level === 'error')).toHaveLength(10);
    expect(out.notes[0]?.message).toContain('MB gzipped');
  });
});

describe('renderSarif on arbitrary findings', () => {
  it('always validates against the SARIF schema', () => {
    fc.assert(
      fc.property(findingsArb, (findings) => {
        for (const file of renderSarif(scanRun(findings), { srcRoot: '/work/repo' }).files) {
          expect(validateSarifSchema(file.content)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('passes the Multitool with GitHub rules on a batch of arbitrary findings', () => {
    // .NET's URI check inside the Multitool rejects some valid URLs that mix non-ASCII escapes with
    // `$` (e.g. `https://a.ser/%EA%A2%A7/%EF%BF%BD/$/`); the schema fuzz above covers those.
    const nonAsciiUrl = (f: Finding) => f.location.type === 'url' && /[^\x20-\x7e]|%[89a-f]/i.test(f.location.url);
    const batch = fc.sample(findingsArb, { numRuns: 30, seed: 42 }).flat().filter((f) => !nonAsciiUrl(f));
    const findings = assignFingerprints(batch.map(({ fingerprint: _fp, ...raw }) => raw));
    const out = renderSarif(scanRun(findings), { srcRoot: '/work/repo' });
    for (const f of out.files) expect(multitoolErrors(f.content)).toEqual([]);
  });
});
