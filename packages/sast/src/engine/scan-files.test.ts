import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordingLogger } from '@rampart/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { PatternRule } from '../rule-types.js';
import { scanFiles, type ScanFile } from './scan-files.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string | Buffer>): ScanFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-'));
  temps.push(dir);
  return Object.entries(files).map(([path, content]) => {
    const absPath = join(dir, path);
    mkdirSync(join(absPath, '..'), { recursive: true });
    writeFileSync(absPath, content);
    return { path, absPath };
  });
}

const evalRule: PatternRule = { id: 'x.eval', languages: ['javascript', 'python'], mode: 'search', message: 'eval of $X', severity: 'high', confidence: 'high', cwe: ['CWE-95'], rule: { pattern: 'eval($X)' } };

describe('scanFiles', () => {
  it.each(['async', 'sync'] as const)('scans each file with the rules of its language (%s parser), in file order', async (parser) => {
    const files = project({
      'b.py': 'x = 1\neval(a)\n',
      'a.js': 'eval(b); eval(c);\n',
      'notes.txt': 'eval(d)',
      'c.go': 'package main\n',
      'src/d.mjs': '\uFEFFeval(e)\n',
    });
    const result = await scanFiles(files, [evalRule], { parser, concurrency: 2 });
    expect(result.findings.map((f) => [f.location.type === 'source' && f.location.path, f.message])).toEqual([
      ['b.py', 'eval of a'],
      ['a.js', 'eval of b'],
      ['a.js', 'eval of c'],
      ['src/d.mjs', 'eval of e'],
    ]);
    // The BOM does not count as a column.
    expect(result.findings[3]?.location).toMatchObject({ startLine: 1, startColumn: 1 });
    expect(result.filesScanned).toBe(3);
    expect(result.errors).toEqual([]);
  });

  it('records unreadable files as errors, skips large and binary ones, and goes on', async () => {
    const files = project({ 'ok.js': 'eval(x)', 'big.js': `eval(y);${' '.repeat(200)}`, 'bin.js': Buffer.from([0x65, 0x00, 0x01]) });
    files.push({ path: 'gone.js', absPath: join(tmpdir(), 'rampart-no-such-file.js') });
    const logger = recordingLogger();
    const result = await scanFiles(files, [evalRule], { maxFileBytes: 100, logger });
    expect(result.findings.map((f) => f.message)).toEqual(['eval of x']);
    expect(result.filesScanned).toBe(1);
    expect(result.errors).toMatchObject([{ path: 'gone.js', message: expect.stringContaining('ENOENT') }]);
    expect(result.skipped).toEqual([
      { path: 'big.js', reason: 'larger than 100 bytes' },
      { path: 'bin.js', reason: 'binary' },
    ]);
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('gone.js'))).toBe(true);
  });

  it('applies inline ignores from the text it read', async () => {
    const files = project({ 'a.py': '# rampart-ignore: x.eval -- test fixture\neval(a)\neval(b)\n' });
    const result = await scanFiles(files, [evalRule]);
    expect(result.findings.map((f) => f.suppression?.reason)).toEqual(['test fixture', undefined]);
  });

  it('turns a rule ast-grep rejects into an error per file, not a crash', async () => {
    const bad: PatternRule = { ...evalRule, id: 'x.bad', rule: { kind: 'not_a_kind' } };
    const result = await scanFiles(project({ 'a.js': 'eval(x)' }), [bad]);
    expect(result.errors).toMatchObject([{ path: 'a.js', message: expect.stringContaining('rule x.bad') }]);
  });

  it('handles no files and no rules', async () => {
    expect(await scanFiles([], [evalRule])).toEqual({ findings: [], filesScanned: 0, errors: [], skipped: [] });
    expect((await scanFiles(project({ 'a.js': 'eval(x)' }), [])).filesScanned).toBe(0);
  });
});
