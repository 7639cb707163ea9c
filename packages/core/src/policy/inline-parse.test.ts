import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInlineIgnores } from './inline-parse.js';

function rulesAt(text: string): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const [line, ignores] of parseInlineIgnores(text)) out[line] = ignores.map((i) => `${i.ruleId}|${i.reason}`);
  return out;
}

describe('parseInlineIgnores', () => {
  it.each([
    ['//', 'eval(x); // rampart-ignore: js.eval -- input is a constant'],
    ['#', 'eval(x)  # rampart-ignore: js.eval -- input is a constant'],
    ['/* */', 'eval(x); /* rampart-ignore: js.eval -- input is a constant */'],
    ['<!-- -->', '<script>eval(x)</script> <!-- rampart-ignore: js.eval -- input is a constant -->'],
    ['--', "SELECT eval(x); -- rampart-ignore: js.eval -- input is a constant"],
  ])('reads a trailing %s comment for its own line only', (_style, line) => {
    expect(rulesAt(`first\n${line}\nnext()`)).toEqual({ 2: ['js.eval|input is a constant'] });
  });

  it.each([
    ['//', '  // rampart-ignore: js.eval -- reviewed'],
    ['#', '# rampart-ignore: js.eval -- reviewed'],
    ['/* */', '/* rampart-ignore: js.eval -- reviewed */'],
    ['<!-- -->', '<!-- rampart-ignore: js.eval -- reviewed -->'],
    ['--', '-- rampart-ignore: js.eval -- reviewed'],
  ])('applies a %s comment alone on its line to the next line too', (_style, comment) => {
    expect(rulesAt(`${comment}\neval(x)\nother()`)).toEqual({ 1: ['js.eval|reviewed'], 2: ['js.eval|reviewed'] });
  });

  it('does not suppress without a reason', () => {
    expect(parseInlineIgnores('eval(x) // rampart-ignore: js.eval').size).toBe(0);
    expect(parseInlineIgnores('eval(x) // rampart-ignore: js.eval --').size).toBe(0);
    expect(parseInlineIgnores('eval(x) // rampart-ignore: js.eval --   ').size).toBe(0);
    expect(parseInlineIgnores('eval(x) /* rampart-ignore: js.eval -- */').size).toBe(0);
    expect(parseInlineIgnores('eval(x) // rampart-ignore: -- reason').size).toBe(0);
  });

  it('ignores the marker outside a comment, as in a string', () => {
    expect(parseInlineIgnores('const s = "rampart-ignore: js.eval -- nope";').size).toBe(0);
  });

  it('reads a marker inside a multi-line block comment and reaches the first code line below', () => {
    const text = ['/*', ' * rampart-ignore: js.eval -- sandboxed', ' */', 'eval(x)'].join('\n');
    expect(rulesAt(text)).toEqual({ 2: ['js.eval|sandboxed'], 3: ['js.eval|sandboxed'], 4: ['js.eval|sandboxed'] });
  });

  it('lets several comments stack above one line', () => {
    const text = ['# rampart-ignore: py.exec -- sandboxed', '# rampart-ignore: py.eval -- sandboxed too', 'exec(eval(x))'].join('\n');
    expect(rulesAt(text)[3]).toEqual(['py.exec|sandboxed', 'py.eval|sandboxed too']);
  });

  it('reads several rule ids and several markers on one line', () => {
    expect(rulesAt('x() // rampart-ignore: a, b -- shared reason')).toEqual({ 1: ['a|shared reason', 'b|shared reason'] });
    expect(rulesAt('x() // rampart-ignore: a -- one rampart-ignore: b -- two')).toEqual({ 1: ['a|one', 'b|two'] });
  });

  it('keeps dashes inside rule ids and reasons', () => {
    expect(rulesAt('x # rampart-ignore: CVE-2021-23337 -- not-reachable -- see ADR-12')).toEqual({
      1: ['CVE-2021-23337|not-reachable -- see ADR-12'],
    });
  });

  it('handles CRLF and CR line endings', () => {
    expect(rulesAt('// rampart-ignore: r -- why\r\ncode\r\nmore')).toEqual({ 1: ['r|why'], 2: ['r|why'] });
    expect(rulesAt('a\rb // rampart-ignore: r -- why\rc')).toEqual({ 2: ['r|why'] });
  });

  it('does not reach past the end of the file', () => {
    expect(rulesAt('// rampart-ignore: r -- why')).toEqual({ 1: ['r|why'] });
  });

  it('never throws and only reports lines inside the text (fuzz)', () => {
    const piece = fc.constantFrom('//', '#', '/*', '*/', '<!--', '-->', '--', ' ', '\n', '\r\n', 'rampart-ignore:', 'rule', ',', 'why', '*');
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => {
        const lines = t.split(/\r\n|\r|\n/).length;
        for (const [line, ignores] of parseInlineIgnores(t)) {
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(lines);
          for (const ig of ignores) {
            expect(ig.ruleId.length).toBeGreaterThan(0);
            expect(ig.reason.trim()).toBe(ig.reason);
            expect(ig.reason.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
