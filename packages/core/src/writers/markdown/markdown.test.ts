import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.js';
import { assignFingerprints } from '../../model/fingerprint.js';
import { findingsArb, nastyText } from '../testing/arbitraries.js';
import { everyKindRun, rawFinding, scanRun } from '../testing/fixtures.js';
import { escapeMarkdown } from './escape.js';
import { MARKDOWN_HARD_LIMIT, renderMarkdown } from './render.js';

const BLOB = 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/';

function many(n: number): Finding[] {
  return assignFingerprints(
    Array.from({ length: n }, (_, i) => rawFinding({ ruleId: `rule-${i % 7}`, severity: i % 3 === 0 ? 'high' : 'low', message: `finding number ${i} `.repeat(10), location: { type: 'source', path: `src/file-${i}.ts`, startLine: i + 1 } })),
  );
}

const SEVERITY_ROW = /^\| (🟥|🟧|🟨|🟦|⬜|⬛) /;

describe('renderMarkdown', () => {
  const md = renderMarkdown(everyKindRun(), { title: 'Security report', marker: 'rampart:report' });

  it('has the marker, title, verdict, baseline status and a row per scanner with a total', () => {
    expect(md.startsWith('<!-- rampart:report -->\n## Security report\n')).toBe(true);
    expect(md).toContain('❌ **Gate failed**: 3 open findings at or above **high**.\n\nCompared with the baseline: 2 new, 0 fixed, 4 existing.\n');
    expect(md).toContain('| Scanner | New | Fixed | Existing | Suppressed |');
    expect(md).toContain('| SAST | 1 (🟧 1) | 0 | 1 (🟨 1) | 0 |');
    expect(md).toContain('| Secrets | 0 | 0 | 1 (🟥 1) | 0 |');
    expect(md).toContain('| DAST | 1 (🟨 1) | 0 | 0 | 0 |');
    expect(md).toContain('| Licenses | 0 | 0 | 0 | 1 (⬜ 1) |');
    expect(md).toContain('| **Total** | 2 (🟧 1 · 🟨 1) | 0 | 4 (🟥 2 · 🟨 1 · ⬛ 1) | 2 (🟦 1 · ⬜ 1) |');
  });

  it('lists new findings first, then by severity, and suppressed ones only in their own list', () => {
    const rows = md.split('\n').filter((l) => SEVERITY_ROW.test(l));
    expect(rows[0]).toContain('SQL injection');
    expect(rows[0]).toContain('**new**');
    expect(rows[1]).toContain('Content Security Policy');
    expect(rows[2]).toMatch(/^\| 🟥 Critical \|/);
    expect(rows.join('\n')).not.toContain('Public S3 bucket');
    expect(md).toMatch(/<summary>🔕 2 suppressed findings<\/summary>\n\n- 🟦 Low \*\*Public S3 bucket\*\* · infra\/main\\\.tf · inline `rampart-ignore`: static website bucket\n/);
    expect(md).toContain('`.rampart.yml` ignore: legal approved (expires 2030\\-01\\-01)');
  });

  it('shows expired and unused ignores in their own section, not among the notes', () => {
    expect(md).toContain('### Ignores to review\n\n1 expired (they no longer hide findings), 1 matching nothing.\n\n- ⏰ **Expired**: Ignore for CVE\\-2020\\-1 expired on 2024\\-01\\-01 and no longer applies\\.\n- 🧹 **Unused**: Ignore for path vendor/\\*\\* matched nothing\\.');
    expect(md).not.toContain('### Notes');
  });

  it('neutralises markup from finding text', () => {
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('](javascript:');
    expect(md).not.toContain('@octocat');
    expect(md).toContain('&lt;b&gt;db\\.query&lt;/b&gt;');
  });

  it('says so when there are no findings', () => {
    expect(renderMarkdown(scanRun([]))).toContain('No findings.');
  });
});

describe('baseline status', () => {
  const findings = many(3);
  const gate = { passed: false, failOn: 'high' as const, newOnly: true, causes: findings.slice(0, 1) };

  it('names the source of the baseline and lists fixed findings, collapsed', () => {
    const fixed = assignFingerprints([rawFinding({ ruleId: 'gone', title: 'Gone now', severity: 'critical' })]);
    const run = scanRun(findings, { gate, baselineSource: 'findings.json of run 4711 on main (2026-11-28)', baseline: { new: findings.slice(0, 1), unchanged: findings.slice(1), fixed } });
    const out = renderMarkdown(run);
    expect(out).toContain('(new findings only).\n\nCompared with findings\\.json of run 4711 on main \\(2026\\-11\\-28\\): 1 new, 1 fixed, 2 existing.\n');
    expect(out).toContain('| SAST | 1 (🟧 1) | 1 (🟥 1) | 2 (🟦 2) | 0 |');
    expect(out).toContain('<details>\n<summary>✅ 1 finding fixed since the baseline</summary>\n\n- 🟥 Critical **Gone now** · src/app\\.ts:1 · gone (rampart\\-sast)\n\n</details>');
    expect(out).toContain('### Findings (new first)');
  });

  it('warns that every finding counts as new when no baseline was found', () => {
    const out = renderMarkdown(scanRun(findings, { gate, baselineSource: 'no successful run of this workflow on main' }));
    expect(out).toContain('> ⚠️ **No baseline found**: no successful run of this workflow on main. Every finding counts as new, so the gate applies to all of them.');
    expect(out).toContain('| SAST | 3 (🟧 1 · 🟦 2) | — | — | 0 |');
    expect(out).not.toContain('Compared with');
    expect(out).not.toContain('**new**');
  });

  it('says nothing about baselines on a plain local run', () => {
    const out = renderMarkdown(scanRun(findings, { gate }));
    expect(out).not.toMatch(/baseline|Compared with/i);
    expect(out).toContain('### Findings\n');
  });

  it('escapes the source, which can carry a fork branch name', () => {
    const out = renderMarkdown(scanRun(findings, { baselineSource: 'run on <img src=x> @admin --> [x](y)' }));
    expect(out).not.toContain('<img');
    expect(out).not.toContain('@admin');
    expect(out.match(/-->/g)).toBeNull();
  });
});

describe('links to the PR head', () => {
  const loc = (location: Finding['location']): string => {
    const out = renderMarkdown(scanRun(assignFingerprints([rawFinding({ ruleId: 'r', location })])), { links: { blobBase: BLOB } });
    const row = out.split('\n').find((l) => SEVERITY_ROW.test(l)) ?? '';
    return row.split(' | ')[2] ?? '';
  };

  it('links a line, a range, and encodes path segments', () => {
    expect(loc({ type: 'source', path: 'src/a.js', startLine: 12 })).toBe(`[src/a\\.js:12](${BLOB}src/a.js#L12)`);
    expect(loc({ type: 'source', path: './src/a.js', startLine: 12, endLine: 14 })).toBe(`[src/a\\.js:12](${BLOB}src/a.js#L12-L14)`);
    expect(loc({ type: 'source', path: 'src/my file (1)#x?.js', startLine: 3 })).toBe(`[src/my file \\(1\\)\\#x?\\.js:3](${BLOB}src/my%20file%20%281%29%23x%3F.js#L3)`);
    expect(loc({ type: 'source', path: 'README.md' })).toBe(`[README\\.md](${BLOB}README.md)`);
  });

  it('links a package finding to its lockfile, never an image or a URL target', () => {
    expect(loc({ type: 'package', name: 'lodash', version: '4.17.11', file: 'web/package-lock.json' })).toBe(`[lodash@\u200d4\\.17\\.11 in web/package\\-lock\\.json](${BLOB}web/package-lock.json)`);
    expect(loc({ type: 'package', name: 'openssl', image: 'alpine:3.19' })).not.toContain('](');
    const url = loc({ type: 'url', url: 'https://evil.example/x', method: 'post' });
    expect(url).toMatch(/^POST https:\u2060\/\/evil\\\.example\/x$/);
    expect(url).not.toContain('](');
  });

  it('gives no link to a path that could leave the repository', () => {
    for (const path of ['../other/repo', 'a/../../b', '/etc/passwd', 'C:\\x\\y', 'a//b']) {
      expect(loc({ type: 'source', path, startLine: 1 })).not.toContain('](');
    }
  });

  it('renders no links without the option', () => {
    expect(renderMarkdown(everyKindRun())).not.toContain('](http');
  });
});

describe('size', () => {
  it('stays under the cap and says how many findings it cut', () => {
    const out = renderMarkdown(scanRun(many(5000)), { maxChars: 20_000 });
    expect(out.length).toBeLessThanOrEqual(20_000);
    const m = /_… and ([\d,]+) more findings not shown; see findings\.json\._/.exec(out);
    expect(m).not.toBeNull();
    const shown = out.split('\n').filter((l) => SEVERITY_ROW.test(l)).length;
    expect(shown + Number(m?.[1]?.replace(/,/g, ''))).toBe(5000);
  });

  it('never exceeds 65,535 characters, even when asked to', () => {
    const out = renderMarkdown(scanRun(many(20_000)), { maxChars: 1_000_000 });
    expect(out.length).toBeLessThanOrEqual(MARKDOWN_HARD_LIMIT);
    expect(renderMarkdown(scanRun(many(20_000))).length).toBeLessThanOrEqual(60_000);
  });

  it('for arbitrary findings stays within maxChars and lets no raw < through from finding text', () => {
    const ours = /<!-- rampart -->|<\/?details>|<\/?summary>|<br>/g;
    fc.assert(
      fc.property(findingsArb, fc.boolean(), fc.integer({ min: 1000, max: 8000 }), nastyText, (findings, withBaseline, maxChars, source) => {
        const half = Math.floor(findings.length / 2);
        const run = scanRun(findings, {
          baselineSource: source,
          notifications: findings.map((f) => ({ level: 'warning' as const, message: `Ignore for ${f.title} expired on ${f.message}` })),
          ...(withBaseline ? { baseline: { new: findings.slice(0, half), unchanged: findings.slice(half), fixed: findings.slice(half) } } : {}),
        });
        const out = renderMarkdown(run, { maxChars, marker: 'rampart', links: { blobBase: BLOB } });
        expect(out.length).toBeLessThanOrEqual(maxChars);
        expect(out.replace(ours, '')).not.toContain('<');
      }),
      { numRuns: 300 },
    );
  });
});

describe('escapeMarkdown', () => {
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
