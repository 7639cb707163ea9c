import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHunkHeader, parseNewPath, UnifiedDiffParser, unquoteGitPath, type DiffEvent } from './diff-parse.js';

const events = (lines: string[], marker?: string): DiffEvent[] => {
  const parser = new UnifiedDiffParser(marker);
  return lines.map((l) => parser.push(l)).filter((e): e is DiffEvent => e !== undefined);
};

/** git's quoting, written independently of the parser: C escapes for specials, octal for other bytes. */
function quoteLikeGit(name: string): string {
  const named: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 34: '"', 92: '\\' };
  let out = '';
  let special = false;
  for (const byte of Buffer.from(name, 'utf8')) {
    if (named[byte] !== undefined) {
      out += `\\${named[byte]}`;
      special = true;
    } else if (byte < 0x20 || byte >= 0x7f) {
      out += `\\${byte.toString(8).padStart(3, '0')}`;
      special = true;
    } else out += String.fromCharCode(byte);
  }
  return special ? `"${out}"` : out;
}

describe('hunk headers', () => {
  it('reads starts and counts, a missing count meaning 1', () => {
    expect(parseHunkHeader('@@ -3,2 +4,5 @@ function f() {')).toEqual({ oldStart: 3, oldCount: 2, newStart: 4, newCount: 5 });
    expect(parseHunkHeader('@@ -3 +4 @@')).toEqual({ oldStart: 3, oldCount: 1, newStart: 4, newCount: 1 });
    expect(parseHunkHeader('@@ -0,0 +1,3 @@')).toEqual({ oldStart: 0, oldCount: 0, newStart: 1, newCount: 3 });
  });

  it('rejects anything else', () => {
    for (const bad of ['@@ -a,b +c,d @@', '@@@ -1 -1 +1 @@@', '@@ -1,2 +3,4', `@@ -1 +${'9'.repeat(30)} @@`]) {
      expect(parseHunkHeader(bad)).toBeUndefined();
    }
  });

  it('fuzz: never throws, and reads back the numbers it was given', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseHunkHeader(s)));
    const n = fc.integer({ min: 0, max: 2 ** 31 });
    fc.assert(
      fc.property(n, n, n, n, fc.string(), (a, b, c, d, tail) => {
        expect(parseHunkHeader(`@@ -${a},${b} +${c},${d} @@${tail}`)).toEqual({ oldStart: a, oldCount: b, newStart: c, newCount: d });
      }),
    );
  });
});

describe('paths in +++ lines', () => {
  it('strips the prefix, the tab after names with spaces, and /dev/null', () => {
    expect(parseNewPath('b/src/app.ts')).toBe('src/app.ts');
    expect(parseNewPath('b/my file.ts\t')).toBe('my file.ts');
    expect(parseNewPath('/dev/null')).toBeUndefined();
    expect(parseNewPath('"b/tab\\there.ts"')).toBe('tab\there.ts');
    expect(parseNewPath('"b/caf\\303\\251.ts"')).toBe('café.ts');
  });

  it('fuzz: unquoting undoes git quoting for any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (name) => {
        expect(unquoteGitPath(quoteLikeGit(`b/${name}`))).toBe(`b/${name}`);
      }),
    );
    fc.assert(fc.property(fc.string(), (s) => void unquoteGitPath(`"${s}"`)));
  });
});

describe('UnifiedDiffParser', () => {
  it('reports added lines with their new line numbers, across files and commits', () => {
    const out = events(
      [
        '\u0001c1',
        'diff --git a/a.ts b/a.ts',
        '--- a/a.ts',
        '+++ b/a.ts',
        '@@ -2 +2 @@',
        '-old',
        '+new',
        '@@ -5,0 +6,2 @@',
        '++++ looks like a header',
        '+@@ -1 +1 @@ so does this',
        '\\ No newline at end of file',
        'diff --git a/gone.ts b/gone.ts',
        '--- a/gone.ts',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-bye',
        '\u0001c2',
        '+++ b/b.ts',
        '@@ -0,0 +1 @@',
        '+second',
      ],
      '\u0001',
    );
    expect(out).toEqual([
      { type: 'commit', commit: 'c1' },
      { type: 'file', path: 'a.ts' },
      { type: 'added', path: 'a.ts', line: 2, text: 'new' },
      { type: 'added', path: 'a.ts', line: 6, text: '+++ looks like a header' },
      { type: 'added', path: 'a.ts', line: 7, text: '@@ -1 +1 @@ so does this' },
      { type: 'commit', commit: 'c2' },
      { type: 'file', path: 'b.ts' },
      { type: 'added', path: 'b.ts', line: 1, text: 'second' },
    ]);
  });

  it('counts context lines inside a hunk (diff.interHunkContext) without reporting them', () => {
    const out = events(['+++ b/x', '@@ -1,3 +1,3 @@', '-a', '+A', ' same', '-c', '+C']);
    expect(out.filter((e) => e.type === 'added')).toEqual([
      { type: 'added', path: 'x', line: 1, text: 'A' },
      { type: 'added', path: 'x', line: 3, text: 'C' },
    ]);
  });

  const fileArb = fc.record({
    path: fc.stringMatching(/^[a-z][a-z0-9/_.-]{0,20}$/),
    hunks: fc.array(fc.record({ gap: fc.nat(50), removed: fc.nat(3), added: fc.array(fc.string(), { maxLength: 5 }) }), { maxLength: 4 }),
  });

  it('fuzz: reads back exactly the added lines of any well-formed diff, whatever they contain', () => {
    fc.assert(
      fc.property(fc.array(fileArb, { maxLength: 4 }), (files) => {
        const lines: string[] = [];
        const expected: DiffEvent[] = [];
        for (const file of files) {
          lines.push(`diff --git a/${file.path} b/${file.path}`, `--- a/${file.path}`, `+++ b/${file.path}`);
          expected.push({ type: 'file', path: file.path });
          let next = 1;
          for (const h of file.hunks) {
            const added = h.added.map((t) => t.replace(/[\r\n]/g, ''));
            next += h.gap;
            lines.push(`@@ -${next},${h.removed} +${next},${added.length} @@`);
            for (let i = 0; i < h.removed; i++) lines.push(`-removed ${i}`);
            added.forEach((text, i) => {
              lines.push(`+${text}`);
              expected.push({ type: 'added', path: file.path, line: next + i, text });
            });
            next += added.length;
          }
        }
        expect(events(lines)).toEqual(expected);
      }),
    );
  });

  it('fuzz: never throws on arbitrary lines', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('+++ b/x', '@@ -1,2 +1,2 @@', '+a', '-b', ' c'))), (ls) => void events(ls, '\u0001')));
  });
});
