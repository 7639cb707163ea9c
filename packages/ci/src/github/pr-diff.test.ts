import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequest } from '../../test/fixtures/diff-feedback/pr.js';
import { githubTestBed } from '../../test/support/github.js';
import { makeFinding } from '../../test/support/make-finding.js';
import { fetchChangedLines, onChangedLines, parsePatch, type ChangedLines } from './pr-diff.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'rampart-pr-diff-'));
  dirs.push(d);
  return d;
}

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };

function git(cwd: string, args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV });
  // `git diff --no-index` exits 1 when the files differ.
  if (r.status !== 0 && r.status !== 1) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** What GitHub puts in `patch`: the hunks without the `diff --git`/`---`/`+++` header. */
function hunksOnly(diff: string): string {
  const at = diff.indexOf('\n@@');
  return at < 0 ? '' : diff.slice(at + 1).replace(/\n$/, '');
}

const text = (lines: readonly string[], finalNewline: boolean) => lines.join('\n') + (finalNewline && lines.length ? '\n' : '');

function diffNoIndex(oldLines: readonly string[], newLines: readonly string[], unified: number, finalNewline = true): string {
  const d = tempDir();
  writeFileSync(join(d, 'old'), text(oldLines, finalNewline));
  writeFileSync(join(d, 'new'), text(newLines, finalNewline));
  return hunksOnly(git(d, ['diff', '--no-index', `-U${unified}`, '--', 'old', 'new']));
}

/** 1-based positions of the lines that satisfy `p`. */
const positions = (lines: readonly string[], p: (l: string) => boolean) => new Set(lines.flatMap((l, i) => (p(l) ? [i + 1] : [])));

describe('parsePatch', () => {
  it('reads the hunks of a real git diff in a repository, across two hunks and a rename', () => {
    const d = tempDir();
    git(d, ['init', '-q', '-b', 'main']);
    const old = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
    writeFileSync(join(d, 'a.txt'), text(old, true));
    git(d, ['add', 'a.txt']);
    git(d, ['-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '-m', 'one']);
    // Line 5 replaced, two lines inserted after line 30, line 38 deleted; then the file is renamed.
    const next = [...old.slice(0, 4), 'NEW five', ...old.slice(5, 30), 'NEW a', 'NEW b', ...old.slice(30, 37), ...old.slice(38)];
    git(d, ['mv', 'a.txt', 'b.txt']);
    writeFileSync(join(d, 'b.txt'), text(next, true));
    git(d, ['add', 'b.txt']);
    const diff = git(d, ['diff', '--cached', '-M', '--', '.']);
    expect(diff).toContain('rename to b.txt');
    const { added, context } = parsePatch(diff);
    expect(added).toEqual(positions(next, (l) => l.startsWith('NEW')));
    expect([...added]).toEqual([5, 31, 32]);
    // Three lines of context around each change, in the new file's numbering; line 36 lies between two hunks.
    expect([...context].sort((a, b) => a - b)).toEqual([2, 3, 4, 6, 7, 8, 28, 29, 30, 33, 34, 35, 37, 38, 39, 40, 41]);
  });

  it('skips "\\ No newline at end of file" and counts the last line', () => {
    const patch = diffNoIndex(['a', 'b', 'c'], ['a', 'b', 'C'], 3, false);
    expect(patch).toContain('\\ No newline at end of file');
    expect(parsePatch(patch)).toEqual({ added: new Set([3]), context: new Set([1, 2]) });
  });

  it('reads a new file and a deleted file', () => {
    expect(parsePatch('@@ -0,0 +1,2 @@\n+x\n+y')).toEqual({ added: new Set([1, 2]), context: new Set() });
    expect(parsePatch('@@ -1,2 +0,0 @@\n-x\n-y')).toEqual({ added: new Set(), context: new Set() });
    expect(parsePatch('@@ -1 +1 @@\n-x\n+y')).toEqual({ added: new Set([1]), context: new Set() });
  });

  it('agrees with git on random edits (unique lines make the diff unambiguous)', () => {
    const edit = fc.record({
      old: fc.integer({ min: 0, max: 80 }),
      keep: fc.array(fc.integer({ min: 0, max: 4 }).map((k) => k > 0), { minLength: 80, maxLength: 80 }),
      inserts: fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 3 })), { maxLength: 6 }),
      unified: fc.constantFrom(0, 1, 3, 1000),
      finalNewline: fc.boolean(),
    });
    fc.assert(
      fc.property(edit, ({ old: n, keep, inserts, unified, finalNewline }) => {
        const oldLines = Array.from({ length: n }, (_, i) => `old ${i}`);
        // Without a final newline, a last line that moves changes in git's eyes; a fixed last line keeps the truth simple.
        const last = finalNewline ? [] : ['old end'];
        const newLines: string[] = [];
        let fresh = 0;
        for (let i = 0; i <= n; i++) {
          for (const [at, count] of inserts) if (at === i) for (let k = 0; k < count; k++) newLines.push(`NEW ${fresh++}`);
          if (i < n && keep[i]) newLines.push(oldLines[i]!);
        }
        newLines.push(...last);
        const { added, context } = parsePatch(diffNoIndex([...oldLines, ...last], newLines, unified, finalNewline));
        expect(added).toEqual(positions(newLines, (l) => l.startsWith('NEW')));
        const kept = positions(newLines, (l) => l.startsWith('old'));
        for (const c of context) expect(kept.has(c)).toBe(true);
        if (unified === 0) expect(context.size).toBe(0);
        else for (const a of added) for (const k of [a - 1, a + 1]) if (kept.has(k)) expect(context.has(k)).toBe(true);
        // With a context wider than the file, one hunk shows every kept line.
        if (unified === 1000 && (added.size > 0 || keep.slice(0, n).includes(false))) expect(context).toEqual(kept);
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on arbitrary input, and gives disjoint line numbers >= 1', () => {
    const hunkish = fc.array(
      fc.oneof(
        fc.string(),
        fc.tuple(fc.nat(), fc.nat(30), fc.integer({ min: -2, max: 1e6 }), fc.nat(30)).map(([a, b, c, d]) => `@@ -${a},${b} +${c},${d} @@`),
        fc.constantFrom('@@ -1 +1 @@', '@@ -99999999999999999999,1 +99999999999999999999,1 @@', '+', '-', ' ', '', '\\ No newline at end of file', '+++ b/x', '--- a/x'),
        fc.string().map((s) => `+${s}`),
        fc.string().map((s) => ` ${s}`),
      ),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(hunkish, (lines) => {
        const { added, context } = parsePatch(lines.join('\n'));
        for (const n of [...added, ...context]) expect(Number.isSafeInteger(n) && n >= 1).toBe(true);
        for (const n of added) expect(context.has(n)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('onChangedLines', () => {
  const changed: ChangedLines = {
    files: new Map([
      ['src/a.ts', { added: new Set([10, 11]), context: new Set([7, 8, 9, 12]) }],
      ['yarn.lock', { added: new Set(), context: new Set([3]) }],
      ['big.json', { added: new Set(), context: new Set(), wholeFile: true }],
    ]),
    truncated: false,
  };
  const at = (path: string, startLine?: number, endLine?: number) =>
    makeFinding({ location: { type: 'source', path, ...(startLine ? { startLine } : {}), ...(endLine ? { endLine } : {}) } });

  it('keeps source findings whose range meets an added line, or any hunk line in context mode', () => {
    const onAdded = at('src/a.ts', 11);
    const spanning = at('./src/a.ts', 1, 10);
    const onContext = at('src/a.ts', 8);
    const after = at('src/a.ts', 13, 1e9);
    const otherFile = at('src/b.ts', 10);
    const whole = at('big.json', 123);
    const noLine = at('src/a.ts');
    const all = [onAdded, spanning, onContext, after, otherFile, whole, noLine];
    expect(onChangedLines(all, changed, 'added')).toEqual([onAdded, spanning, whole, noLine]);
    expect(onChangedLines(all, changed, 'context')).toEqual([onAdded, spanning, onContext, whole, noLine]);
  });

  it('keeps package findings whose lockfile changed, per mode, and never URL or image findings', () => {
    const lock = makeFinding({ kind: 'dependency', location: { type: 'package', name: 'x', file: 'yarn.lock' } });
    const image = makeFinding({ kind: 'container', location: { type: 'package', name: 'openssl', image: 'app:1' } });
    const url = makeFinding({ kind: 'dast', location: { type: 'url', url: 'https://example.test/' } });
    expect(onChangedLines([lock, image, url], changed, 'added')).toEqual([]);
    expect(onChangedLines([lock, image, url], changed, 'context')).toEqual([lock]);
  });
});

describe('fetchChangedLines', () => {
  it('maps every listed file by its new name: patches parsed, new files without a patch whole, the rest left out', async () => {
    const { gh, octokit } = await githubTestBed();
    try {
      const seed = pullRequest();
      seed.files.push({ filename: 'logo.png', status: 'modified' });
      gh.addPullRequest(seed);
      const changed = await fetchChangedLines(octokit, { owner: 'acme', repo: 'shop', pullNumber: 7 });
      expect([...changed.files.keys()].sort()).toEqual(['package-lock.json', 'src/app.ts', 'src/generated.ts', 'src/renamed.ts']);
      expect(changed.files.get('src/app.ts')?.added).toEqual(new Set([2, 5, 6, 23]));
      expect(changed.files.get('src/renamed.ts')).toEqual({ added: new Set([3]), context: new Set() });
      expect(changed.files.get('src/generated.ts')?.wholeFile).toBe(true);
      expect(changed.truncated).toBe(false);
      await expect(fetchChangedLines(octokit, { owner: 'acme', repo: 'shop', pullNumber: 99 })).rejects.toMatchObject({ status: 404 });
    } finally {
      await gh.close();
    }
  });
});
