import { describe, expect, it } from 'vitest';
import { applyInlineIgnores } from './inline.js';
import { packageFinding, sourceFinding } from './test-builders.js';

const FILES: Record<string, string> = {
  'src/app.py': ['import os', '# rampart-ignore: py.exec -- only runs fixtures', 'exec(code)', 'exec(other)  # rampart-ignore: CWE-95 -- constant'].join('\n'),
  'src/clean.py': 'exec(code)\n',
};

function reader(): { read: (p: string) => string | undefined; calls: string[] } {
  const calls: string[] = [];
  return { calls, read: (p) => (calls.push(p), FILES[p]) };
}

describe('applyInlineIgnores', () => {
  const exec3 = sourceFinding({ path: 'src/app.py', line: 3, ruleId: 'py.exec', snippet: 'exec(code)' });
  const exec4 = sourceFinding({ path: './src/app.py', line: 4, ruleId: 'py.exec', snippet: 'exec(other)', identifiers: [{ type: 'cwe', value: 'CWE-95' }] });
  const eval3 = sourceFinding({ path: 'src/app.py', line: 3, ruleId: 'py.eval', snippet: 'exec(code)' });
  const clean = sourceFinding({ path: 'src/clean.py', line: 1, ruleId: 'py.exec' });

  it('suppresses the matching rule on the line below a comment and by identifier on the same line', () => {
    const { read } = reader();
    const out = applyInlineIgnores([exec3, exec4, eval3, clean], read);
    expect(out[0]?.suppression).toEqual({ kind: 'inline', reason: 'only runs fixtures' });
    expect(out[1]?.suppression).toEqual({ kind: 'inline', reason: 'constant' });
    expect(out[2]?.suppression).toBeUndefined();
    expect(out[3]?.suppression).toBeUndefined();
  });

  it('reads each file once, with normalised paths, and never for package findings', () => {
    const { read, calls } = reader();
    applyInlineIgnores([exec3, exec4, eval3, clean, packageFinding()], read);
    expect(calls).toEqual(['src/app.py', 'src/clean.py']);
  });

  it('keeps findings whose file cannot be read, and existing suppressions', () => {
    const missing = sourceFinding({ path: 'gone.py', line: 3, ruleId: 'py.exec' });
    const already = { ...exec3, suppression: { kind: 'ignore-file' as const, reason: 'from file' } };
    const out = applyInlineIgnores([missing, already], reader().read);
    expect(out[0]).toBe(missing);
    expect(out[1]?.suppression?.kind).toBe('ignore-file');
  });
});
