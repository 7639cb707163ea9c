import { describe, expect, it } from 'vitest';
import { findingsOf, makeFinding } from '../../test/support/make-finding.js';
import { annotationLevel, emitAnnotations, toAnnotation } from './annotations.js';
import { recordingIO } from './io.js';

describe('annotationLevel', () => {
  it('maps critical/high to error, medium to warning and the rest to notice', () => {
    expect(['critical', 'high', 'medium', 'low', 'info', 'unknown'].map((s) => annotationLevel(s as never))).toEqual([
      'error', 'error', 'warning', 'notice', 'notice', 'notice',
    ]);
  });
});

describe('toAnnotation', () => {
  it('points a source finding at its file and lines, with columns only on one line', () => {
    const one = toAnnotation(makeFinding({ severity: 'high', ruleId: 'js.eval', title: 'eval', location: { type: 'source', path: 'a.js', startLine: 3, startColumn: 5, endColumn: 9 } }));
    expect(one.level).toBe('error');
    expect(one.props).toEqual({ title: '[high] js.eval: eval', file: 'a.js', startLine: 3, endLine: 3, startColumn: 5, endColumn: 9 });
    const multi = toAnnotation(makeFinding({ location: { type: 'source', path: 'a.js', startLine: 3, endLine: 7, startColumn: 5 } }));
    expect(multi.props.startColumn).toBeUndefined();
    expect(multi.props.endLine).toBe(7);
  });

  it('names the package and lockfile of a dependency finding', () => {
    const a = toAnnotation(makeFinding({
      kind: 'dependency', severity: 'critical', message: 'Prototype pollution',
      location: { type: 'package', name: 'lodash', version: '4.17.20', file: 'package-lock.json' },
      fix: { versions: ['4.17.21'] },
    }));
    expect(a.props.file).toBe('package-lock.json');
    expect(a.props.startLine).toBeUndefined();
    expect(a.message).toBe('Prototype pollution\nLocation: lodash@4.17.20 in package-lock.json\nFixed in 4.17.21.');
  });
});

describe('emitAnnotations', () => {
  it('emits at most 10 per type, most severe first, and counts the rest', () => {
    const io = recordingIO();
    const findings = [...findingsOf('low', 4), ...findingsOf('high', 8), ...findingsOf('critical', 5), ...findingsOf('medium', 12)];
    const r = emitAnnotations(io, findings);
    expect(r.emitted).toEqual({ error: 10, warning: 10, notice: 4 });
    expect(r.omitted).toBe(5);
    const errors = io.at('error');
    // All 5 criticals make it; 3 of the 8 highs do not.
    expect(errors.filter((m) => m.props?.title?.startsWith('[critical]'))).toHaveLength(5);
    expect(errors.slice(0, 5).every((m) => m.props?.title?.startsWith('[critical]'))).toBe(true);
  });

  it('skips suppressed findings and honours a smaller cap', () => {
    const io = recordingIO();
    const suppressed = makeFinding({ severity: 'critical', suppression: { kind: 'inline', reason: 'test fixture' } });
    const r = emitAnnotations(io, [suppressed, ...findingsOf('high', 3)], 2);
    expect(r).toEqual({ emitted: { error: 2, warning: 0, notice: 0 }, omitted: 1 });
    expect(io.messages.some((m) => m.props?.title?.includes(suppressed.ruleId))).toBe(false);
  });

  it('annotates only what the filter keeps, counting the rest, and counts the cap after filtering', () => {
    const io = recordingIO();
    const keep = findingsOf('high', 3);
    const drop = findingsOf('critical', 4);
    const r = emitAnnotations(io, [...drop, ...keep], 2, (f) => keep.includes(f));
    expect(r).toEqual({ emitted: { error: 2, warning: 0, notice: 0 }, omitted: 1, filteredOut: 4 });
    expect(io.at('error').every((m) => m.props?.title?.startsWith('[high]'))).toBe(true);
  });
});
