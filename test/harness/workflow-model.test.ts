import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseWorkflow, WorkflowUnsupportedError } from './workflow-model.js';

describe('parseWorkflow', () => {
  it('orders jobs after the jobs they need and keeps permissions', () => {
    const w = parseWorkflow(`
on: { push: { branches: [main] } }
permissions: read-all
jobs:
  c: { runs-on: ubuntu-latest, needs: [a, b], steps: [{ run: 'true' }] }
  b: { runs-on: ubuntu-latest, needs: a, permissions: { contents: write }, steps: [{ run: 'true' }] }
  a: { runs-on: ubuntu-latest, steps: [{ id: x, run: 'true', continue-on-error: true }] }
`);
    expect(w.jobs.map((j) => j.id)).toEqual(['a', 'b', 'c']);
    expect(w.permissions).toBe('read-all');
    expect(w.jobs[1]?.permissions).toEqual({ contents: 'write' });
    expect(w.jobs[0]?.steps[0]).toEqual({ id: 'x', run: 'true', continueOnError: true });
    expect(w.on).toEqual({ push: { branches: ['main'] } });
  });

  it('rejects cycles, duplicate step ids and steps with both run and uses', () => {
    expect(() => parseWorkflow('on: push\njobs:\n  a: { runs-on: ubuntu-latest, needs: b, steps: [{run: x}] }\n  b: { runs-on: ubuntu-latest, needs: a, steps: [{run: x}] }')).toThrow(/cycle/);
    expect(() => parseWorkflow('on: push\njobs:\n  a: { runs-on: ubuntu-latest, steps: [{id: s, run: x}, {id: s, run: y}] }')).toThrow(/step id s is used twice/);
    expect(() => parseWorkflow('on: push\njobs:\n  a: { runs-on: ubuntu-latest, steps: [{run: x, uses: y}] }')).toThrow(/exactly one of uses and run/);
    expect(() => parseWorkflow('on: { schedule: [{cron: "0 0 * * *"}] }\njobs: {}')).toThrow(/on.schedule is not supported/);
  });

  it('throws only WorkflowUnsupportedError on any YAML document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ on: fc.anything(), jobs: fc.dictionary(fc.string(), fc.anything()) }), fc.string().map((t) => ({ raw: t }))), (doc) => {
        let text: unknown;
        try {
          text = doc !== null && typeof doc === 'object' && 'raw' in doc ? doc.raw : stringify(doc);
        } catch {
          return;
        }
        if (typeof text !== 'string') return;
        try {
          parseWorkflow(text);
        } catch (e) {
          expect(e).toBeInstanceOf(WorkflowUnsupportedError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
