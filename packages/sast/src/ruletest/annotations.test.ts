import { describe, expect, it } from 'vitest';
import { parseAnnotations } from './annotations.js';

const asObject = (m: Map<number, Set<string>>) => Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort()]));

describe('parseAnnotations', () => {
  it('maps // annotations to the next line, with several ids per line', () => {
    const text = 'a();\n// ruleid: r.one, r.two\nbad();\n  // ok: r.one\ngood();\n';
    const a = parseAnnotations(text, 'javascript');
    expect(asObject(a.expected)).toEqual({ 3: ['r.one', 'r.two'] });
    expect(asObject(a.ok)).toEqual({ 5: ['r.one'] });
    expect(a.written).toEqual([
      { line: 2, kind: 'ruleid', id: 'r.one' },
      { line: 2, kind: 'ruleid', id: 'r.two' },
      { line: 4, kind: 'ok', id: 'r.one' },
    ]);
  });

  it('uses # in Python and Ruby, and both styles in PHP', () => {
    expect(asObject(parseAnnotations('# ruleid: p\nx()\n// ruleid: q\ny()\n', 'python').expected)).toEqual({ 2: ['p'] });
    expect(asObject(parseAnnotations('# ok: r\nx\n', 'ruby').ok)).toEqual({ 2: ['r'] });
    expect(asObject(parseAnnotations('<?php\n# ruleid: a\nx();\n// ruleid: b\ny();\n', 'php').expected)).toEqual({ 3: ['a'], 5: ['b'] });
    expect(parseAnnotations('# ruleid: a\nx;\n', 'go').expected.size).toBe(0);
  });

  it('stacks annotations above one line and keeps todo ones apart', () => {
    const text = '// ruleid: a\n// ok: b\n// todoruleid: c\r\nx();\r\n// todook: d\ny();';
    const a = parseAnnotations(text, 'typescript');
    expect(asObject(a.expected)).toEqual({ 4: ['a'] });
    expect(asObject(a.ok)).toEqual({ 4: ['b'] });
    expect(asObject(a.todo)).toEqual({ 4: ['c'], 6: ['d'] });
  });

  it('ignores annotations in code lines, other comments and a dangling last annotation', () => {
    const text = 'x(); // ruleid: a\n// a note: ruleid: b\n// rule: c\nz();\n// ruleid: d';
    const a = parseAnnotations(text, 'java');
    expect(a.expected.size).toBe(0);
    expect(a.written).toEqual([]);
  });
});
