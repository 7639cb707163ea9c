import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '@rampart/core';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinRulesDir, loadRuleDir } from './load-dir.js';
import { loadRuleFile } from './load-file.js';
import { loadRules, selects } from './load-rules.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/engine/', import.meta.url));
const temps: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-rules-'));
  temps.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const rule = (id: string): string =>
  `id: ${id}\nlanguages: [javascript]\nmessage: m\nseverity: low\nconfidence: low\ncwe: [CWE-1]\nrule: { pattern: f() }\n`;

describe('loadRuleDir', () => {
  it('loads *.yml and *.yaml recursively, several documents per file, nothing else', () => {
    const ids = loadRuleDir(join(FIXTURES, 'loader')).map((r) => r.id);
    expect(ids).toEqual(['loader.one', 'loader.two-a', 'loader.two-b']);
  });

  it('refuses an id defined in two files, naming both', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yml'), rule('dup.id'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.yml'), rule('dup.id'));
    expect(() => loadRuleDir(dir)).toThrow(UserError);
    expect(() => loadRuleDir(dir)).toThrow(/sub[/\\]b\.yml.*also defined in .*a\.yml/);
  });

  it('names a directory or file it cannot read', () => {
    expect(() => loadRuleDir(join(FIXTURES, 'no-such-dir'))).toThrow(/no-such-dir.*cannot read rule directory/);
    expect(() => loadRuleFile(join(FIXTURES, 'no-such.yml'))).toThrow(UserError);
  });
});

describe('builtinRulesDir', () => {
  it('is the package rules/ folder when running from the sources, unless overridden', () => {
    expect(builtinRulesDir()).toBe(resolve(FIXTURES, '../../../rules'));
    expect(builtinRulesDir('some/where')).toBe(resolve('some/where'));
  });
});

describe('loadRules', () => {
  it('combines extra directories and single files without the built-in packs', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.yml'), rule('extra.x'));
    const ids = loadRules({ builtin: false, extraDirs: [join(FIXTURES, 'loader'), join(dir, 'x.yml')] }).map((r) => r.id);
    expect(ids).toEqual(['loader.one', 'loader.two-a', 'loader.two-b', 'extra.x']);
  });

  it('keeps only the rules named by id or prefix', () => {
    const opts = { builtin: false, extraDirs: [join(FIXTURES, 'loader')] };
    expect(loadRules({ ...opts, only: ['loader.two'] }).map((r) => r.id)).toEqual(['loader.two-a', 'loader.two-b']);
    expect(loadRules({ ...opts, only: ['loader.one', 'loader.two-b'] }).map((r) => r.id)).toEqual(['loader.one', 'loader.two-b']);
    expect(() => loadRules({ ...opts, only: ['loader.thr'] })).toThrow(/no rule matches "loader.thr"/);
  });

  it('loads the built-in packs by default, and refuses a missing override', () => {
    expect(() => loadRules({ builtinDir: builtinRulesDir() })).not.toThrow();
    expect(() => loadRules({ builtinDir: join(FIXTURES, 'absent') })).toThrow(/built-in rule directory not found/);
    expect(loadRules({ builtinDir: join(FIXTURES, 'loader') }).map((r) => r.id)).toContain('loader.one');
  });
});

describe('selects', () => {
  it.each([
    ['a.b', 'a.b', true],
    ['a', 'a.b', true],
    ['a.', 'a.b', true],
    ['py', 'python.x', false],
    ['js.xss', 'js.xss-dom', true],
    ['js.x', 'js.xss', false],
  ])('%s selects %s: %s', (entry, id, expected) => {
    expect(selects(entry, id)).toBe(expected);
  });
});
