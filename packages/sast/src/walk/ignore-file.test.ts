import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIgnoreText } from './ignore-file.js';

describe('parseIgnoreText', () => {
  it('follows git: negation, directory-only patterns, anchoring, comments, CRLF and a BOM', () => {
    const rules = parseIgnoreText('\uFEFF# comment\r\n*.log\r\n!keep.log\r\nbuild/\r\n/root-only.txt\r\n');
    expect(rules.ignores('a/b.log')).toBe(true);
    expect(rules.ignores('keep.log')).toBe(false);
    expect(rules.ignores('x/build/')).toBe(true);
    expect(rules.ignores('build')).toBe(false);
    expect(rules.ignores('root-only.txt')).toBe(true);
    expect(rules.ignores('sub/root-only.txt')).toBe(false);
    expect(rules.ignores('# comment')).toBe(false);
  });

  it('is case-sensitive on every machine', () => {
    expect(parseIgnoreText('Secret.txt\n').ignores('secret.txt')).toBe(false);
  });

  it('fuzz: any file content compiles, and testing any relative path never throws', () => {
    const segment = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('/') && s !== '.' && s !== '..');
    const relPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('!', '**', '\\', '[', '[z-a]', '/', '*/', '\\ ')), { maxLength: 12 }), relPath, fc.boolean(), (lines, p, dir) => {
        const rules = parseIgnoreText(lines.join('\n'));
        const result = rules.test(dir ? `${p}/` : p);
        expect(typeof result.ignored).toBe('boolean');
      }),
    );
  });
});
