import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateCondition, ExpressionError, interpolate, interpolateString, parseExpression, type EvalContext } from './workflow-expressions.js';

const ctx: EvalContext = {
  contexts: {
    github: { event_name: 'pull_request', ref: 'refs/pull/7/merge', event: { pull_request: { number: 7, head: { repo: { fork: true } } } } },
    env: { NAME: 'World', EMPTY: '' },
    vars: { OSV_URL: 'http://127.0.0.1:1/' },
    steps: { scan: { outputs: { total: '3', list: '["a","b"]' }, outcome: 'failure', conclusion: 'success' } },
    needs: {},
  },
  status: { failed: false, cancelled: false },
};
const ev = (src: string, c: EvalContext = ctx) => evaluate(parseExpression(src), c);

describe('expressions', () => {
  it('reads contexts, case-insensitively, with dots and indexes', () => {
    expect(ev('github.event.pull_request.number')).toBe(7);
    expect(ev("GitHub.Event['pull_request'].head.repo.fork")).toBe(true);
    expect(ev('steps.scan.outputs.total')).toBe('3');
    expect(ev('steps.missing.outputs.total')).toBeNull();
    expect(ev('github.event.*.number')).toEqual([7]);
  });

  it('has literals, loose equality and the && / || value semantics', () => {
    expect(ev("'It''s'")).toBe("It's");
    expect(ev('0x10 == 16')).toBe(true);
    expect(ev("'3' == 3")).toBe(true);
    expect(ev("'ABC' == 'abc'")).toBe(true);
    expect(ev('null == 0')).toBe(true);
    expect(ev('-1.5e1 < 0')).toBe(true);
    expect(ev("env.EMPTY || 'fallback'")).toBe('fallback');
    expect(ev("vars.OSV_URL || 'x'")).toBe('http://127.0.0.1:1/');
    expect(ev("env.NAME && 'yes'")).toBe('yes');
    expect(ev("!(github.event_name == 'push') && steps.scan.outcome != 'success'")).toBe(true);
    expect(ev('1 < 2 == true')).toBe(true);
  });

  it('has the functions the workflows use', () => {
    expect(ev("contains(fromJSON(steps.scan.outputs.list), 'B')")).toBe(true);
    expect(ev("contains('Hello', 'ell')")).toBe(true);
    expect(ev("startsWith(github.ref, 'refs/PULL/')")).toBe(true);
    expect(ev("format('{0}-{1} {{x}}', env.NAME, 2)")).toBe('World-2 {x}');
    expect(ev("toJSON(fromJSON('{\"a\":[1]}'))")).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(ev("join(fromJSON('[1,2]'), '+')")).toBe('1+2');
  });

  it('interpolates strings and keeps the type of a lone expression', () => {
    expect(interpolate('${{ github.event.pull_request.number }}', ctx)).toBe(7);
    expect(interpolateString("a ${{ env.NAME }} b ${{ '}}' }}", ctx)).toBe('a World b }}');
    expect(interpolateString('no expressions', ctx)).toBe('no expressions');
  });

  it('evaluates if: with the implied success() unless a status function is used', () => {
    expect(evaluateCondition(undefined, ctx)).toBe(true);
    expect(evaluateCondition("github.event_name == 'pull_request'", ctx)).toBe(true);
    const failed: EvalContext = { ...ctx, status: { failed: true, cancelled: false } };
    expect(evaluateCondition("github.event_name == 'pull_request'", failed)).toBe(false);
    expect(evaluateCondition('${{ always() }}', failed)).toBe(true);
    expect(evaluateCondition('failure()', failed)).toBe(true);
    expect(evaluateCondition("${{ !cancelled() && env.NAME == 'world' }}", failed)).toBe(true);
  });

  it('rejects what it does not support, naming it', () => {
    expect(() => ev('hashFiles("x")')).toThrow(ExpressionError);
    expect(() => ev("hashFiles('x')")).toThrow(/unsupported function hashfiles/);
    expect(() => ev('secrets.X')).toThrow(/unknown context secrets/);
    expect(() => ev('a ==')).toThrow(/unexpected end/);
    expect(() => ev("'open")).toThrow(/unterminated string/);
    expect(() => interpolate('${{ env.NAME ', ctx)).toThrow(/unterminated/);
    expect(() => ev("format('{1}', 'a')")).toThrow(/has no argument/);
  });

  it('never throws anything but an ExpressionError on arbitrary input', () => {
    const alphabet = fc.constantFrom(...'ab.()[]!=&|<>\'",*{}$ 0123-x_eE'.split(''), 'github', 'env', 'success()', 'contains(', "'x'", '${{', '}}');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 30 }).map((a) => a.join(''))), (src) => {
        for (const f of [() => ev(src), () => interpolate(src, ctx), () => evaluateCondition(src, ctx)]) {
          try {
            f();
          } catch (e) {
            expect(e).toBeInstanceOf(ExpressionError);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(() => ev('('.repeat(5000) + '1' + ')'.repeat(5000))).toThrow(/nested too deeply/);
    expect(() => ev('!'.repeat(5000) + '1')).toThrow(/nested too deeply/);
  });
});
