import { describe, expect, it } from 'vitest';
import { parseOutputFile, parseWorkflowCommands } from './workflow-files.js';

describe('parseOutputFile', () => {
  it('reads heredoc blocks and simple lines', () => {
    const text = 'a<<ghadelimiter_1\nline 1\nline 2\nghadelimiter_1\nb=x=y\nempty<<EOF\nEOF\n';
    expect(parseOutputFile(text)).toEqual({ a: 'line 1\nline 2', b: 'x=y', empty: '' });
  });

  it('throws on an unterminated block', () => {
    expect(() => parseOutputFile('a<<D\nvalue\n')).toThrow(/no closing delimiter/);
  });
});

describe('parseWorkflowCommands', () => {
  it('unescapes properties and messages', () => {
    expect(parseWorkflowCommands('plain\n::error file=a%2Cb.ts,line=2,title=x%3Ay::100%25%0Anext\n::add-mask::s3cret')).toEqual([
      { command: 'error', properties: { file: 'a,b.ts', line: '2', title: 'x:y' }, message: '100%\nnext' },
      { command: 'add-mask', properties: {}, message: 's3cret' },
    ]);
  });
});
