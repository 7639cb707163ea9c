import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.js';
import { assignFingerprints } from '../../model/fingerprint.js';
import { nastyText } from '../testing/arbitraries.js';
import { everyKindRun, rawFinding, scanRun } from '../testing/fixtures.js';
import { escapeMarkdown } from './escape.js';
import { MARKDOWN_HARD_LIMIT, renderMarkdown } from './render.js';

function many(n: number): Finding[] {
  return assignFingerprints(
    Array.from({ length: n }, (_, i) => rawFinding({ ruleId: `rule-${i % 7}`, severity: i % 3 === 0 ? 'high' : 'low', message: `finding number ${i} `.repeat(10), location: { type: 'source', path: `src/file-${i}.ts`, startLine: i + 1 } })),
  );
}

describe('renderMarkdown', () => {
  const md = renderMarkdown(everyKindRun(), { title: 'Security report', marker: 'rampart:report' });

  it('has the marker, title, verdict, severity counts with new counts, and notes', () => {
    expect(md.startsWith('<!-- rampart:report -->\n## Security report\n')).toBe(true);
    expect(md).toContain('❌ **Gate failed**: 3 open findings at or above **high**.');
    expect(md).toContain('| Severity | Open | New | Suppressed |');
    expect(md).toContain('| 🟥 Critical | 2 | 0 | 0 |');
    expect(md).toContain('| 🟧 High | 1 | 1 | 0 |');
    expect(md).toContain('- ⚠️ Ignore for CVE\\-2020\\-1 expired on 2024\\-01\\-01 and no longer applies\\.');
  });

  it('lists new findings first, then by severity, and leaves suppressed ones out of the list', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| 🟥') || l.startsWith('| 🟧') || l.startsWith('| 🟨') || l.startsWith('| ⬛') || l.startsWith('| 🟦') || l.startsWith('| ⬜'));
    const listed = rows.filter((r) => r.includes('**') && !/\| \d+ \|/.test(r));
    expect(listed[0]).toContain('SQL injection');
    expect(listed[0]).toContain('**new**');
    expect(listed[1]).toContain('Content Security Policy');
    expect(listed[2]).toMatch(/^\| 🟥 Critical \|/);
    expect(md).not.toContain('Public S3 bucket');
  });

  it('neutralises markup from finding text', () => {
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('](javascript:');
    expect(md).not.toContain('@octocat');
    expect(md).toContain('&lt;b&gt;db\\.query&lt;/b&gt;');
  });

  it('stays under the cap and says how many findings it cut', () => {
    const out = renderMarkdown(scanRun(many(5000)), { maxChars: 20_000 });
    expect(out.length).toBeLessThanOrEqual(20_000);
    const m = /_… and (\d+) more findings not shown/.exec(out);
    expect(m).not.toBeNull();
    const shown = out.split('\n').filter((l) => l.startsWith('| 🟧') || l.startsWith('| 🟦')).length - 2;
    expect(shown + Number(m?.[1])).toBe(5000);
  });

  it('never exceeds 65,535 characters, even when asked to', () => {
    const out = renderMarkdown(scanRun(many(20_000)), { maxChars: 1_000_000 });
    expect(out.length).toBeLessThanOrEqual(MARKDOWN_HARD_LIMIT);
    expect(renderMarkdown(scanRun(many(20_000))).length).toBeLessThanOrEqual(60_000);
  });

  it('says so when there are no findings', () => {
    expect(renderMarkdown(scanRun([]))).toContain('No findings.');
  });

  it('escaped text never opens a link, image, tag or table cell', () => {
    fc.assert(
      fc.property(fc.oneof(nastyText, fc.string({ unit: 'grapheme' })), (s) => {
        const e = escapeMarkdown(s);
        expect(e).not.toMatch(/[<>\n\r]/);
        expect(e).not.toMatch(/(^|[^\\])[[\]()|`]/);
        expect(e).not.toMatch(/@(?!\u200d)/);
      }),
    );
  });
});
