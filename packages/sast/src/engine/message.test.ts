import { describe, expect, it } from 'vitest';
import { firstSentence, inlineCode, interpolate } from './message.js';

describe('interpolate', () => {
  const values: Record<string, string> = { X: 'user.name', ARGS: 'a, b', LONG: 'x'.repeat(100) };
  const lookup = (name: string) => values[name];

  it('replaces single and list metavariables and leaves unknown ones as written', () => {
    expect(interpolate('$X flows into f($$$ARGS); $Y stays; $$ND_FUNC$$ stays', lookup)).toBe('user.name flows into f(a, b); $Y stays; $$ND_FUNC$$ stays');
  });

  it('bounds a long value to one line', () => {
    expect(interpolate('v=$LONG', lookup)).toBe(`v=${'x'.repeat(79)}…`);
    expect(inlineCode('a\n   b\tc')).toBe('a b c');
  });
});

describe('firstSentence', () => {
  it('stops at the end of the first sentence only', () => {
    expect(firstSentence('Data reaches exec(). Use execFile.')).toBe('Data reaches exec().');
    expect(firstSentence('Avoid e.g. eval in a.b code. Really.')).toBe('Avoid e.g. eval in a.b code.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});
