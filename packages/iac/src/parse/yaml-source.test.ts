import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './yaml-source.js';

describe('parseYaml', () => {
  it('keeps every document', () => {
    expect(parseYaml('spec:\n  inputs: {}\n---\njob:\n  script: [x]\n', 'c.yml').docs).toHaveLength(2);
  });

  it('names the file and line of invalid YAML', () => {
    try {
      parseYaml('a: 1\nb: [unclosed\n', 'bad.yml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).file).toBe('bad.yml');
      expect((e as UserError).line).toBeGreaterThanOrEqual(2);
    }
  });

  it('takes custom tags as data', () => {
    expect(() => parseYaml('job:\n  script: !reference [.setup, script]\n', 'ci.yml')).not.toThrow();
  });

  it('throws only UserError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', '"', "'", '&', '*', '!', '|', '>', '#', '\t'), maxLength: 80 }), (text) => {
        try {
          parseYaml(text, 'f.yml');
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
