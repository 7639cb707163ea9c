import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateActions, parseRulesTsv } from './rules.js';

describe('parseRulesTsv', () => {
  it('reads the zaproxy actions format, comments and blank lines', () => {
    const rules = parseRulesTsv('# rules\n10038\tIGNORE\t(CSP is set by the CDN)\n\n40012\tFAIL\t(XSS)\n10021\twarn\n', 'rules.tsv');
    expect([...rules]).toEqual([['10038', 'IGNORE'], ['40012', 'FAIL'], ['10021', 'WARN']]);
    expect([...gateActions(rules)]).toEqual([['40012', 'fail'], ['10021', 'warn']]);
  });
  it('honours a file with FAIL lines only', () => {
    expect([...parseRulesTsv('40018\tFAIL\t(SQL injection)\n', 'r.tsv')]).toEqual([['40018', 'FAIL']]);
  });
  it('names the line of a bad entry', () => {
    expect(() => parseRulesTsv('10038\tIGNORE\n10021 WARN\n', 'zap/rules.tsv')).toThrow(/zap\/rules\.tsv:2/);
    expect(() => parseRulesTsv('10038\tSKIP\n', 'r.tsv')).toThrow(/unknown action "SKIP"/);
  });
  it('throws only UserError on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      try {
        parseRulesTsv(s, 'r.tsv');
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
      }
    }));
  });
});
