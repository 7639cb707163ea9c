import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanSecrets } from '../scan.js';
import { loadExamples } from '../test-support.js';
import type { SecretRule } from '../types.js';
import { SECRET_RULES } from './index.js';

const examples = loadExamples();
const RULES_DIR = dirname(fileURLToPath(import.meta.url));

function isRule(v: unknown): v is SecretRule {
  return typeof v === 'object' && v !== null && 'id' in v && 'regex' in v;
}

/** The regex's source with escapes and character classes removed: what is left are its quantifiers. */
function structure(source: string): string {
  return source.replace(/\\./g, 'e').replace(/\[(?:[^\]\\]|\\.)*\]/g, 'c');
}

describe('secret rule registry', () => {
  it('registers every rule exported by every rule file', async () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const exported: SecretRule[] = [];
    for (const file of files) {
      const mod = (await import(`./${file}`)) as Record<string, unknown>;
      for (const value of Object.values(mod)) if (Array.isArray(value)) exported.push(...value.filter(isRule));
    }
    expect(exported.length).toBeGreaterThanOrEqual(25);
    for (const rule of exported) expect(SECRET_RULES, rule.id).toContain(rule);
  });

  it('has unique, well-formed rules', () => {
    const ids = SECRET_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of SECRET_RULES) {
      expect(rule.id).toMatch(/^secrets\.[a-z0-9-]+$/);
      expect(rule.cwe).toContain('CWE-798');
      expect(['critical', 'high']).toContain(rule.severity);
      expect(rule.keywords?.length, rule.id).toBeGreaterThan(0);
      for (const kw of rule.keywords ?? []) expect(kw, rule.id).toBe(kw.toLowerCase());
      expect(rule.regex.flags, rule.id).not.toMatch(/[gy]/);
      expect(rule.regex.source.includes('(?<secret>') || /\((?!\?)/.test(rule.regex.source), rule.id).toBe(true);
    }
  });

  it('marks private keys as cryptographic keys (CWE-321)', () => {
    for (const id of ['secrets.private-key', 'secrets.gcp-service-account-key', 'secrets.age-secret-key']) {
      expect(SECRET_RULES.find((r) => r.id === id)?.cwe).toContain('CWE-321');
    }
  });

  it('uses only bounded quantifiers, so matching is linear in the line', () => {
    for (const rule of SECRET_RULES) {
      const s = structure(rule.regex.source);
      expect(s, rule.id).not.toMatch(/[*+]|\{\d+,\}/);
    }
  });

  it('has examples for exactly the registered rules', () => {
    expect(Object.keys(examples).sort()).toEqual(SECRET_RULES.map((r) => r.id).sort());
  });
});

describe.each(SECRET_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const ex = examples[id];

  it('reports its positive examples', () => {
    expect(ex?.positive.length).toBeGreaterThan(0);
    for (const line of ex?.positive ?? []) {
      const found = scanSecrets(`${line}\n`, 'config/settings.env');
      expect(found.map((f) => f.ruleId), line).toContain(id);
    }
  });

  it('does not report its negative examples', () => {
    expect(ex?.negative.length).toBeGreaterThan(0);
    for (const line of ex?.negative ?? []) {
      const found = scanSecrets(`${line}\n`, 'config/settings.env');
      expect(found.map((f) => f.ruleId), line).not.toContain(id);
    }
  });

  it('stays fast on long adversarial lines', () => {
    // Pieces of the rule's own vocabulary, repeated: the input most likely to make a regex
    // backtrack. No time is asserted; a catastrophic pattern would exceed the test timeout.
    const pieces = [...(rule.keywords ?? []), ...(ex?.positive[0]?.match(/.{1,6}/g) ?? []), 'A', 'a', '0', '_', '-', '.', '=', ':', '/', '+', ' ', '"', '$', '\\n', '~'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 200 }), (parts) => {
        const line = parts.join('').repeat(Math.ceil(20_000 / Math.max(1, parts.join('').length)));
        const found = scanSecrets(line, 'x.env', { rules: [rule], entropy: false });
        expect(Array.isArray(found)).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});
