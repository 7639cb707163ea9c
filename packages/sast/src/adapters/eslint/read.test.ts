import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../test-support.js';
import { readEslintReport } from './read.js';

const text = readFileSync(join(FIXTURES, 'eslint.json'), 'utf8').split('__ROOT__').join('/repo');

describe('readEslintReport', () => {
  it('maps messages with rule ids to findings with repository paths, snippets and rule docs', () => {
    const r = readEslintReport(text, { file: 'eslint.json', root: '/repo' });
    const [evalFinding, regexp] = r.findings;
    expect(evalFinding).toEqual({
      kind: 'sast',
      ruleId: 'no-eval',
      title: 'Disallow the use of `eval()`',
      message: 'eval can be harmful.',
      help: '## More information\n\n- https://eslint.org/docs/latest/rules/no-eval',
      severity: 'high',
      identifiers: [],
      location: { type: 'source', path: 'web/render.js', startLine: 3, endLine: 3, startColumn: 10, endColumn: 21, snippet: '  return eval(code);' },
      tool: { name: 'eslint', version: '' },
    });
    expect(regexp).toMatchObject({ title: 'security/detect-non-literal-regexp', severity: 'medium' });
  });

  it('does not read messages the project suppressed with eslint-disable', () => {
    const r = readEslintReport(text, { file: 'eslint.json', root: '/repo' });
    expect(r.findings.map((f) => f.ruleId)).not.toContain('no-implied-eval');
  });

  it('reports parse errors as skipped entries, not findings', () => {
    const r = readEslintReport(text, { file: 'eslint.json', root: '/repo' });
    expect(r.skipped).toEqual([{ reason: 'web/broken.js: Parsing error: Unexpected token )', entry: 'results[1].messages[0]' }]);
  });

  it('reads the plain json format (a results array) and keeps paths outside the root as they are', () => {
    const plain = JSON.stringify([{ filePath: '/elsewhere/a.js', messages: [{ ruleId: 'no-eval', severity: 1, message: 'eval', line: 1, column: 1 }] }]);
    const r = readEslintReport(plain, { file: 'x.json', root: '/repo' });
    expect(r.findings[0]).toMatchObject({ title: 'no-eval', severity: 'medium', location: { path: '/elsewhere/a.js', startLine: 1 } });
  });

  it('skips a result without a file path and rejects text that is not an ESLint report', () => {
    expect(readEslintReport('[{"messages": []}]', { file: 'x.json' }).skipped).toHaveLength(1);
    expect(() => readEslintReport('{"runs": []}', { file: 'x.json' })).toThrow(UserError);
    expect(() => readEslintReport('not json', { file: 'x.json' })).toThrow(/x\.json: is not JSON/);
  });
});
