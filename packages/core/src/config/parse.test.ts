import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { applyIgnores } from '../policy/ignores.js';
import { configFixture } from './config-fixtures.js';
import { parseConfig } from './parse.js';
import { DEFAULT_CONFIG, configSchema } from './schema.js';

function errorOf(text: string, file = '.rampart.yml'): UserError {
  try {
    parseConfig(text, file);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected parseConfig to throw');
}

describe('parseConfig: valid files', () => {
  it('reads the full sample', () => {
    const c = parseConfig(configFixture('full'), '.rampart.yml');
    expect(c.gate).toEqual({ 'fail-on': 'medium', 'new-only': true });
    expect(c.baseline).toBe('rampart-baseline/findings.json');
    expect(c.ignore).toHaveLength(4);
    expect(c.ignore[0]).toEqual({
      id: 'CVE-2021-23337',
      reason: 'lodash.template is never called with user input (see ADR-14)',
      expires: '2099-12-31',
    });
    expect(c.output).toEqual({ dir: 'reports', formats: ['sarif', 'gitlab', 'codequality', 'junit', 'markdown', 'json'] });
    expect(c.dast).toEqual({ target: 'https://staging.example.com', mode: 'baseline' });
    expect(c['license-policy']?.deny).toContain('LicenseRef-acme-proprietary');
  });

  it('gives ignore entries that applyIgnores accepts as they are', () => {
    const c = parseConfig(configFixture('full'), '.rampart.yml');
    expect(applyIgnores([], c.ignore, new Date('2025-01-01T00:00:00Z')).unused).toHaveLength(4);
  });

  it.each([
    ['an empty file', ''],
    ['only whitespace', '  \n\n'],
    ['only comments', '# nothing configured yet\n'],
    ['an explicit null document', '---\n~\n'],
  ])('treats %s as the default config', (_what, text) => {
    expect(parseConfig(text, '.rampart.yml')).toEqual(DEFAULT_CONFIG);
  });

  it('fills defaults for missing sections and fields', () => {
    const c = parseConfig('gate:\n  new-only: true\noutput:\n  formats: [sarif]\n', '.rampart.yml');
    expect(c.gate).toEqual({ 'fail-on': 'high', 'new-only': true });
    expect(c.output).toEqual({ dir: 'rampart-reports', formats: ['sarif'] });
    expect(c.ignore).toEqual([]);
  });

  it('has a DEFAULT_CONFIG equal to what the schema makes of nothing', () => {
    expect(configSchema.parse({})).toEqual(DEFAULT_CONFIG);
  });

  it('returns a fresh default each time, so callers cannot corrupt it', () => {
    const a = parseConfig('', 'x');
    a.ignore.push({ id: 'x', reason: 'y' });
    expect(DEFAULT_CONFIG.ignore).toEqual([]);
  });

  it('resolves ordinary anchors and aliases', () => {
    const c = parseConfig('ignore:\n  - id: A\n    reason: &why shared\n  - id: B\n    reason: *why\n', 'f');
    expect(c.ignore.map((e) => e.reason)).toEqual(['shared', 'shared']);
    const d = parseConfig('ignore:\n  - &e {id: A, reason: r}\n  - *e\n', 'f');
    expect(d.ignore).toEqual([{ id: 'A', reason: 'r' }, { id: 'A', reason: 'r' }]);
  });
});

describe('parseConfig: errors name the file, the line, the field and what was expected', () => {
  it('reports a missing reason at the entry that lacks it', () => {
    const e = errorOf(configFixture('typo'), 'ci/.rampart.yml');
    expect(e.file).toBe('ci/.rampart.yml');
    expect(e.line).toBe(9);
    expect(e.field).toBe('ignore[2].reason');
    expect(e.expected).toBe('a string');
    expect(e.message).toContain('ci/.rampart.yml:9');
    expect(e.message).toContain('ignore[2].reason');
    expect(e.message).toMatch(/missing/);
  });

  it('reports an unknown top-level key (a typo) at its own line, listing the known keys', () => {
    const e = errorOf('gate:\n  fail-on: high\nignores:\n  - id: x\n    reason: y\n');
    expect(e.line).toBe(3);
    expect(e.field).toBe('ignores');
    expect(e.message).toContain('unknown key "ignores"');
    expect(e.expected).toContain('ignore');
    expect(e.expected).toContain('license-policy');
  });

  it('reports an unknown nested key', () => {
    const e = errorOf('gate:\n  fail_on: high\n');
    expect(e.line).toBe(2);
    expect(e.field).toBe('gate.fail_on');
    expect(e.expected).toBe('one of the keys fail-on, new-only');
  });

  it('reports a bad enum value with the allowed values', () => {
    const e = errorOf('gate:\n  fail-on: severe\n');
    expect(e.line).toBe(2);
    expect(e.field).toBe('gate.fail-on');
    expect(e.message).toContain('"severe"');
    expect(e.expected).toBe('one of critical, high, medium, low, info, none');
  });

  it('reports an empty reason', () => {
    const e = errorOf('ignore:\n  - id: CVE-2020-1\n    reason: "  "\n');
    expect(e.line).toBe(3);
    expect(e.field).toBe('ignore[0].reason');
    expect(e.expected).toBe('a non-empty reason');
  });

  it('reports an expiry that is not a date', () => {
    const e = errorOf('ignore:\n  - id: a\n    reason: b\n    expires: 2025-02-30\n');
    expect(e.line).toBe(4);
    expect(e.field).toBe('ignore[0].expires');
    expect(e.expected).toBe('a date YYYY-MM-DD');
    expect(e.message).toContain('"2025-02-30"');
  });

  it('reports an ignore entry with no selector', () => {
    const e = errorOf('ignore:\n  - id: a\n    reason: b\n  - reason: everything\n');
    expect(e.line).toBe(4);
    expect(e.field).toBe('ignore[1]');
    expect(e.expected).toBe('at least one of id, fingerprint, path');
  });

  it('reports wrong types', () => {
    const e = errorOf('gate:\n  new-only: "yes please"\n');
    expect(e.field).toBe('gate.new-only');
    expect(e.expected).toBe('true or false');
    const f = errorOf('ignore: CVE-2020-1\n');
    expect(f.field).toBe('ignore');
    expect(f.line).toBe(1);
    expect(f.expected).toBe('a list');
  });

  it('reports bad output formats and license ids', () => {
    const e = errorOf('output:\n  formats:\n    - sarif\n    - pdf\n');
    expect(e.line).toBe(4);
    expect(e.field).toBe('output.formats[1]');
    expect(e.expected).toContain('codequality');
    const l = errorOf('license-policy:\n  deny: ["GPL 3"]\n');
    expect(l.field).toBe('license-policy.deny[0]');
    expect(l.expected).toMatch(/SPDX/);
  });

  it('lists every problem in the message, first one first', () => {
    const e = errorOf('gate:\n  fail-on: severe\nignore:\n  - id: a\nfoo: 1\n');
    expect(e.field).toBe('gate.fail-on');
    expect(e.message).toContain('.rampart.yml:4: field ignore[0].reason');
    expect(e.message).toContain('.rampart.yml:5: field foo');
  });

  it('reports a file that is not a mapping', () => {
    const e = errorOf('- gate\n- ignore\n');
    expect(e.line).toBe(1);
    expect(e.expected).toMatch(/mapping/);
    expect(errorOf('just a string').message).toMatch(/single value/);
  });

  it('reports YAML syntax errors with file and line', () => {
    const e = errorOf('gate:\n  fail-on: high\nignore: [a,\n', 'conf.yml');
    expect(e.file).toBe('conf.yml');
    expect(e.message).toMatch(/^conf\.yml:\d+: invalid YAML/);
    expect(e.line).toBeGreaterThanOrEqual(3);
  });

  it('reports duplicate keys', () => {
    const e = errorOf('gate:\n  fail-on: high\ngate:\n  fail-on: low\n');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/unique|duplicate/i);
  });

  it('reports several documents in one file', () => {
    expect(errorOf('gate: {}\n---\nignore: []\n').message).toMatch(/invalid YAML/);
  });

  it('reports an alias used before its anchor', () => {
    const e = errorOf('ignore:\n  - id: a\n    reason: *why\n');
    expect(e.message).toMatch(/invalid YAML.*alias/);
  });

  it('refuses alias bombs', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    expect(errorOf(lines.join('\n')).message).toMatch(/invalid YAML/);
  });
});

describe('parseConfig fuzz', () => {
  const fragments = fc.constantFrom(
    'gate:', 'fail-on:', 'new-only:', 'ignore:', '- ', 'id:', 'reason:', 'expires:', 'path:', 'output:', 'formats:',
    'license-policy:', 'allow:', 'sast:', '&a', '*a', '<<:', '[', ']', '{', '}', ',', '"', "'", '#', '\n', '  ', ' ',
    'high', 'none', 'true', '2025-01-01', '~', 'null', '---', '!!binary', '!!set', '? ', '|', '>', '\t', '__proto__:',
  );
  const text = fc.oneof(fc.string({ unit: 'binary' }), fc.array(fragments, { maxLength: 60 }).map((a) => a.join('')));

  it('never throws anything but a UserError, and always names the file', () => {
    fc.assert(
      fc.property(text, (t) => {
        try {
          const c = parseConfig(t, 'fuzz.yml');
          expect(configSchema.safeParse(c).success).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
          expect((e as UserError).file).toBe('fuzz.yml');
          expect((e as UserError).message.startsWith('fuzz.yml')).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
