/* eslint-disable no-control-regex -- these tests look for the control characters XML 1.0 forbids */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { assignFingerprints } from '../model/fingerprint.js';
import { renderJunit } from './junit.js';
import { findingsArb, nastyText } from './testing/arbitraries.js';
import { everyKindRun, rawFinding, scanRun } from './testing/fixtures.js';
import { escapeXmlAttr, escapeXmlText } from './xml.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

interface Case { '@classname': string; '@name': string; failure?: unknown; skipped?: unknown }
interface Doc { testsuites: { '@tests': string; '@failures': string; '@skipped': string; testsuite: { '@name': string; testcase: Case[] }[] } }

describe('renderJunit', () => {
  it('groups findings into one suite per rule, failing cases, suppressed ones skipped', () => {
    const run = everyKindRun();
    const xml = renderJunit(run);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml) as Doc;
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s['@name'])).toEqual([...new Set(run.findings.map((f) => f.ruleId))].sort());
    expect(doc.testsuites['@tests']).toBe(String(run.findings.length));
    expect(doc.testsuites['@skipped']).toBe('2');
    const s3 = suites.find((s) => s['@name'] === 'tf.s3-public')!.testcase[0]!;
    expect(s3.skipped).toBeDefined();
    expect(s3.failure).toBeUndefined();
    const sqli = suites.find((s) => s['@name'] === 'js.sqli')!.testcase[0]!;
    expect(sqli['@name']).toBe('src/db/users.ts:42');
    expect(sqli.failure).toBeDefined();
  });

  it('writes one passing case when there are no findings', () => {
    const doc = parser.parse(renderJunit(scanRun([]))) as Doc;
    expect(doc.testsuites['@tests']).toBe('1');
    expect(doc.testsuites['@failures']).toBe('0');
    expect(doc.testsuites.testsuite[0]?.testcase[0]?.failure).toBeUndefined();
  });

  it('escapes markup and makes XML 1.0-forbidden characters visible', () => {
    const f = assignFingerprints([rawFinding({ ruleId: 'r"<&>', title: 'a\u0000b', message: '</failure><x>\u001b\ud800]]>' })]);
    const xml = renderJunit(scanRun(f));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain('a\\u{0000}b');
    expect(xml).toContain('&lt;/failure&gt;&lt;x&gt;\\u{001b}\\u{d800}]]&gt;');
    expect(xml).toContain('classname="r&quot;&lt;&amp;&gt;"');
  });

  it('keeps newlines in attributes as character references', () => {
    expect(escapeXmlAttr('a\nb\tc\r')).toBe('a&#10;b&#9;c&#13;');
    expect(escapeXmlText('a\r\nb')).toBe('a&#13;\nb');
  });

  it('is well-formed XML for arbitrary findings', () => {
    fc.assert(
      fc.property(findingsArb, (findings) => {
        expect(XMLValidator.validate(renderJunit(scanRun(findings)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips printable text through attribute escaping', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const printable = s.replace(/[\u0000-\u001F\uFFFE\uFFFF]/g, '');
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, trimValues: false }).parse(`<a v="${escapeXmlAttr(printable)}"/>`) as { a: { '@v'?: string } };
        expect(doc.a['@v'] ?? '').toBe(printable);
      }),
    );
    fc.assert(fc.property(nastyText, (s) => XMLValidator.validate(`<a>${escapeXmlText(s)}</a>`) === true));
  });
});
