import fc from 'fast-check';
import { isHighEntropy } from './entropy.js';
import { describe, expect, it } from 'vitest';
import { scanSecrets } from './scan.js';
import { loadExamples } from './test-support.js';
import { SECRET_RULES } from './rules/index.js';

const examples = loadExamples();
/** Each rule's positive line, and the secret it holds (the longest token-like run). */
const planted = SECRET_RULES.map((rule) => {
  const line = examples[rule.id]?.positive[0] ?? '';
  const runs = line.match(/[A-Za-z0-9+/_.~$:-]{16,}/g) ?? [];
  return { id: rule.id, line, secret: runs.reduce((a, b) => (b.length > a.length ? b : a), '') };
});

const randomSecret = fc.string({ minLength: 20, maxLength: 40, unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789') });
const context = fc.constantFrom(
  (s: string) => `password = "${s}"`,
  (s: string) => `"client_secret": "${s}",`,
  (s: string) => `API_TOKEN=${s}`,
  (s: string) => `  auth_key: ${s}`,
  (s: string) => `headers = {"Authorization": "Bearer ${s}"}`,
  (s: string) => `${s}=${s}`,
  (s: string) => `const x = [${s}, "${s}"];`,
);

describe('scanSecrets fuzzing', () => {
  it('never throws and returns well-formed findings on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), fc.string({ maxLength: 40 }), (text, path) => {
        const found = scanSecrets(text, path.length > 0 ? path : 'x');
        for (const f of found) {
          expect(f.kind).toBe('secret');
          expect(f.location.type).toBe('source');
          if (f.location.type === 'source') expect(f.location.startLine).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never leaks a planted provider secret into any field', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...planted), { minLength: 1, maxLength: 5 }),
        fc.array(fc.string({ maxLength: 80 }), { maxLength: 5 }),
        (secrets, noise) => {
          const text = [...noise, ...secrets.map((p) => p.line)].join('\n');
          const json = JSON.stringify(scanSecrets(text, 'app/settings.env'));
          for (const p of secrets) expect(json).not.toContain(p.secret);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never leaks a generic high-entropy secret, whatever it is assigned to', () => {
    fc.assert(
      fc.property(randomSecret, context, fc.string({ maxLength: 60 }), (secret, wrap, noise) => {
        const text = `${noise}\n${wrap(secret)}\n${noise}`;
        for (const path of ['config.yaml', 'app.py', '.env']) {
          const json = JSON.stringify(scanSecrets(text, path));
          expect(json).not.toContain(secret.slice(4));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a random secret assigned to a secret-like name', () => {
    fc.assert(
      fc.property(randomSecret, (secret) => {
        // fast-check leans towards repetitive strings ("AAAA...a2"), which are rightly not secrets; the property is
        // that every value random enough to be one is found in a secret-like assignment.
        fc.pre(/\d/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret) && isHighEntropy(secret));
        const found = scanSecrets(`db_password = "${secret}"\n`, 'app.py');
        expect(found.map((f) => f.ruleId)).toEqual(['secrets.generic-high-entropy']);
      }),
      { numRuns: 200 },
    );
  });
});
