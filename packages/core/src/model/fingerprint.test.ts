import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawFinding } from './finding.js';
import {
  assignFingerprints,
  fingerprintOf,
  fingerprintToUuid,
  normalizeCode,
  normalizePath,
  urlPathTemplate,
} from './fingerprint.js';

function source(over: { path?: string; line?: number; snippet?: string; ruleId?: string; message?: string } = {}): RawFinding {
  return {
    kind: 'sast',
    ruleId: over.ruleId ?? 'js.eval',
    title: 'eval',
    message: over.message ?? 'eval of input',
    severity: 'high',
    identifiers: [],
    location: {
      type: 'source',
      path: over.path ?? 'src/a.ts',
      ...(over.line !== undefined ? { startLine: over.line } : {}),
      ...(over.snippet !== undefined ? { snippet: over.snippet } : {}),
    },
    tool: { name: 'rampart-sast', version: '0.1.0' },
  };
}

function pkg(over: { version?: string; file?: string; image?: string; ruleId?: string; tool?: string } = {}): RawFinding {
  return {
    kind: 'dependency',
    ruleId: over.ruleId ?? 'CVE-2021-23337',
    title: 't',
    message: 'm',
    severity: 'high',
    identifiers: [],
    location: {
      type: 'package',
      name: 'lodash',
      version: over.version ?? '4.17.20',
      ...(over.file !== undefined ? { file: over.file } : {}),
      ...(over.image !== undefined ? { image: over.image } : {}),
    },
    tool: { name: over.tool ?? 'trivy', version: '1' },
  };
}

function url(u: string, param?: string, method?: string): RawFinding {
  return {
    kind: 'dast',
    ruleId: '40012',
    title: 'XSS',
    message: 'reflected',
    severity: 'high',
    identifiers: [],
    location: { type: 'url', url: u, ...(param !== undefined ? { param } : {}), ...(method !== undefined ? { method } : {}) },
    tool: { name: 'zap', version: '2.16.0' },
  };
}

describe('normalizePath and normalizeCode', () => {
  it.each([
    ['./src/a.ts', 'src/a.ts'],
    ['././src/a.ts', 'src/a.ts'],
    ['src\\lib\\a.ts', 'src/lib/a.ts'],
    ['.\\src\\a.ts', 'src/a.ts'],
    ['file:///work/src/a.ts', '/work/src/a.ts'],
    ['src/a.ts', 'src/a.ts'],
  ])('%s -> %s', (input, out) => expect(normalizePath(input)).toBe(out));

  it('collapses whitespace in code', () => {
    expect(normalizeCode('  eval(\n\t  input )\r\n')).toBe('eval( input )');
  });
});

describe('urlPathTemplate', () => {
  it.each([
    ['https://app.example/users/42/edit?x=1', 'https://app.example/users/{id}/edit'],
    ['https://app.example/users/7/edit?x=2#frag', 'https://app.example/users/{id}/edit'],
    ['https://APP.example:8443/o/3fa85f64-5717-4562-b3fc-2c963f66afa6', 'https://app.example:8443/o/{id}'],
    ['https://app.example/blob/5f2b6c0e9a8d7c6b', 'https://app.example/blob/{id}'],
    ['https://app.example/v2/login', 'https://app.example/v2/login'],
    ['not a url?q=1', 'not a url'],
  ])('%s -> %s', (input, out) => expect(urlPathTemplate(input)).toBe(out));
});

describe('fingerprintOf', () => {
  it('is a 32 hex digit hash', () => {
    expect(fingerprintOf(source({ snippet: 'eval(x)' }))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('survives line shifts, path spelling and reformatting of the matched code', () => {
    const a = fingerprintOf(source({ line: 10, snippet: 'eval(x)' }));
    expect(fingerprintOf(source({ line: 42, snippet: 'eval(x)' }))).toBe(a);
    expect(fingerprintOf(source({ path: './src/a.ts', snippet: 'eval(x)' }))).toBe(a);
    expect(fingerprintOf(source({ path: 'src\\a.ts', snippet: '  eval(x)\n' }))).toBe(a);
  });

  it('changes with the rule, the path and the code', () => {
    const a = fingerprintOf(source({ snippet: 'eval(x)' }));
    expect(fingerprintOf(source({ snippet: 'eval(y)' }))).not.toBe(a);
    expect(fingerprintOf(source({ snippet: 'eval(x)', path: 'src/b.ts' }))).not.toBe(a);
    expect(fingerprintOf(source({ snippet: 'eval(x)', ruleId: 'js.other' }))).not.toBe(a);
  });

  it('falls back to the message without a snippet', () => {
    expect(fingerprintOf(source({ message: 'eval of a' }))).not.toBe(fingerprintOf(source({ message: 'eval of b' })));
    expect(fingerprintOf(source({ message: 'eval of  a' }))).toBe(fingerprintOf(source({ message: 'eval of a' })));
  });

  it('gives one URL finding per endpoint template, method and parameter', () => {
    const a = fingerprintOf(url('https://app.example/users/1?q=a', 'q'));
    expect(fingerprintOf(url('https://app.example/users/2?q=b', 'q', 'get'))).toBe(a);
    expect(fingerprintOf(url('https://app.example/users/1', 'name'))).not.toBe(a);
    expect(fingerprintOf(url('https://app.example/users/1', 'q', 'POST'))).not.toBe(a);
  });

  it('keys package findings on advisory, name and where found, not the version', () => {
    const a = fingerprintOf(pkg({ file: 'package-lock.json' }));
    expect(fingerprintOf(pkg({ file: './package-lock.json', version: '4.17.15' }))).toBe(a);
    expect(fingerprintOf(pkg({ file: 'web/package-lock.json' }))).not.toBe(a);
    expect(fingerprintOf(pkg({ file: 'package-lock.json', ruleId: 'CVE-2020-28500' }))).not.toBe(a);
    expect(fingerprintOf(pkg({ image: 'node:20' }))).not.toBe(fingerprintOf(pkg({ image: 'node:22' })));
  });
});

describe('assignFingerprints', () => {
  it('separates two matches of identical code in one file, the first in line order keeping the base', () => {
    const out = assignFingerprints([source({ line: 30, snippet: 'eval(x)' }), source({ line: 5, snippet: 'eval(x)' })]);
    expect(out[0]?.fingerprint).not.toBe(out[1]?.fingerprint);
    expect(out[1]?.fingerprint).toBe(fingerprintOf(source({ snippet: 'eval(x)' })));
  });

  it('keeps both ids when lines shift together', () => {
    const before = assignFingerprints([source({ line: 5, snippet: 'eval(x)' }), source({ line: 30, snippet: 'eval(x)' })]);
    const after = assignFingerprints([source({ line: 9, snippet: 'eval(x)' }), source({ line: 34, snippet: 'eval(x)' })]);
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });

  it('gives one match reported twice (same line) one fingerprint, so dedupe can merge it', () => {
    const out = assignFingerprints([source({ line: 5, snippet: 'eval(x)' }), source({ line: 5, snippet: 'eval(x)' })]);
    expect(out[0]?.fingerprint).toBe(out[1]?.fingerprint);
  });

  it('separates two versions of a package in one lockfile, but not two tools on one version', () => {
    const out = assignFingerprints([
      pkg({ file: 'package-lock.json', version: '4.17.20' }),
      pkg({ file: 'package-lock.json', version: '4.17.15' }),
      pkg({ file: 'package-lock.json', version: '4.17.20', tool: 'grype' }),
    ]);
    expect(out[0]?.fingerprint).not.toBe(out[1]?.fingerprint);
    expect(out[2]?.fingerprint).toBe(out[0]?.fingerprint);
  });

  it('keeps a fingerprint a finding already has and preserves input order', () => {
    const given = { ...source({ line: 1 }), fingerprint: 'given' } as unknown as RawFinding;
    const out = assignFingerprints([source({ line: 9, snippet: 'a' }), given]);
    expect(out[1]?.fingerprint).toBe('given');
    expect(out[0]?.location.type === 'source' && out[0].location.startLine).toBe(9);
  });

  it('never gives two distinct occurrences the same fingerprint (property)', () => {
    const arb = fc.array(
      fc.record({ line: fc.integer({ min: 1, max: 6 }), snippet: fc.constantFrom('a', 'b'), path: fc.constantFrom('x.ts', 'y.ts') }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const out = assignFingerprints(specs.map((s) => source(s)));
        const byFp = new Map<string, string>();
        out.forEach((f, i) => {
          const s = specs[i];
          const key = `${s?.path}:${s?.line}:${s?.snippet}`;
          const prev = byFp.get(f.fingerprint);
          if (prev !== undefined) expect(prev).toBe(key);
          byFp.set(f.fingerprint, key);
        });
      }),
    );
  });
});

describe('fingerprintToUuid', () => {
  it('formats a fingerprint as a UUID, stably', () => {
    const fp = fingerprintOf(source({ snippet: 'x' }));
    const id = fingerprintToUuid(fp);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(id.replace(/-/g, '')).toBe(fp);
    expect(fingerprintToUuid(fp)).toBe(id);
  });

  it('hashes short fingerprints into the same shape', () => {
    expect(fingerprintToUuid('given')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(fingerprintToUuid('given')).not.toBe(fingerprintToUuid('other'));
  });
});
