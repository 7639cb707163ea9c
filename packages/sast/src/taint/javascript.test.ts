import { describe, expect, it } from 'vitest';
import { run, sinkLines, taintRule } from './test-support.js';

const rule = taintRule({
  sources: [{ pattern: 'req.query' }, { pattern: 'req.body' }, { pattern: 'source()' }],
  sinks: [{ any: [{ pattern: 'exec($X)' }, { pattern: 'exec($X, $$$)' }], focus: '$X' }],
  sanitizers: [{ pattern: 'clean($$$)' }],
});

/** The sink lines reported for a snippet, 1-based, with the snippet's first line as line 1. */
function lines(code: string): number[] {
  return sinkLines('javascript', code.replace(/^\n/, ''), rule);
}

describe('findTaint, JavaScript propagation', () => {
  it.each([
    ['direct', 'exec(req.query.cmd);', [1]],
    ['declaration', 'const c = req.query.cmd;\nexec(c);', [2]],
    ['assignment of a binary expression', 'let c;\nc = "ls " + req.query.d;\nexec(c);', [3]],
    ['augmented assignment', 'let c = "ls ";\nc += req.body.d;\nexec(c);', [3]],
    ['object destructuring', 'const { id } = req.query;\nexec(id);', [2]],
    ['renamed destructuring with default', 'const { id: x = "a" } = req.query;\nexec(x);', [2]],
    ['array destructuring', 'const [a] = req.body.list;\nexec(a);', [2]],
    ['template literal', 'const c = `ls ${req.query.d}`;\nexec(c);', [2]],
    ['array literal and join', 'const parts = ["ls", req.query.d];\nexec(parts.join(" "));', [2]],
    ['push', 'const parts = [];\nparts.push(req.query.d);\nexec(parts.join(" "));', [3]],
    ['element access', 'const xs = [req.query.d];\nexec(xs[0]);', [2]],
    ['member access on a tainted object', 'const b = req.body;\nexec(b.user.name);', [2]],
    ['object literal', 'const o = { cmd: req.query.c };\nexec(o.cmd);', [2]],
    ['pass-through methods', 'exec(req.query.c.trim().toLowerCase().split(",")[0]);', [1]],
    ['replace that is not a sanitizer', 'exec(req.query.c.replace("a", "b"));', [1]],
    ['await and parentheses', 'async function f() { exec(await (req.query.c)); }', [1]],
    ['ternary', 'const c = flag ? req.query.c : "ls";\nexec(c);', [2]],
    ['for-of', 'for (const c of req.body.cmds) {\n  exec(c);\n}', [2]],
    ['loop-carried concatenation', 'let s = "";\nfor (const p of req.body.parts) { s = s + p; }\nexec(s);', [3]],
    ['callback on a tainted receiver', 'req.body.cmds.forEach((c) => exec(c));', [1]],
    ['source call', 'const v = source();\nexec(v);', [2]],
  ])('%s reports', (_name, code, expected) => {
    expect(lines(code)).toEqual(expected);
  });

  it.each([
    ['constant command', 'exec("ls");'],
    ['overwritten before the sink', 'let x = req.query.a;\nx = "safe";\nexec(x);'],
    ['sink before the taint', 'let x = "ls";\nexec(x);\nx = req.query.a;'],
    ['rule sanitizer', 'exec(clean(req.query.a));'],
    ['number parsing', 'exec("kill " + parseInt(req.query.pid, 10));'],
    ['Number()', 'const n = Number(req.query.n);\nexec(`sleep ${n}`);'],
    ['comparison result', 'const isAdmin = req.query.role === "admin";\nexec(isAdmin);'],
    ['length', 'exec("head -n " + req.body.lines.length);'],
    ['other field of an object literal', 'const o = { a: req.query.a, b: "ls" };\nexec(o.b);'],
    ['if (false)', 'if (false) {\n  exec(req.query.a);\n}'],
    ['if (0)', 'if (0) { exec(req.query.a); }'],
    ['const DEBUG = false', 'const DEBUG = false;\nif (DEBUG) {\n  exec(req.query.a);\n}'],
    ['DEBUG && sink', 'const DEBUG = false;\nDEBUG && exec(req.query.a);'],
    ['code after return', 'function f() {\n  return;\n  exec(req.query.a);\n}'],
    ['allow-list includes', 'const c = req.query.c;\nif (ALLOWED.includes(c)) {\n  exec(c);\n}'],
    ['allow-list with early return', 'const c = req.query.c;\nif (!ALLOWED.includes(c)) {\n  return;\n}\nexec(c);'],
    ['equality with a literal', 'const c = req.query.c;\nif (c === "status") exec(c);'],
    ['anchored regex check', 'const c = req.query.c;\nif (/^[a-z]+$/.test(c)) exec(c);'],
    ['tagged template', 'exec(sh`ls ${req.query.c}`);'],
    ['uncalled-with-taint helper', 'function run(c) { exec(c); }\nrun("ls");'],
  ])('%s does not report', (_name, code) => {
    expect(lines(code)).toEqual([]);
  });

  it('keeps an else branch that may run', () => {
    expect(lines('let x = "ls";\nif (cond) { x = req.query.a; } else { x = "pwd"; }\nexec(x);')).toEqual([3]);
  });

  it('does not report when every branch overwrites', () => {
    expect(lines('let x = req.query.a;\nif (cond) { x = "ls"; } else { x = "pwd"; }\nexec(x);')).toEqual([]);
  });
});

describe('findTaint, JavaScript functions', () => {
  it('taints the result of a function returning its tainted parameter', () => {
    expect(lines('function wrap(v) { return "ls " + v; }\nexec(wrap(req.query.a));')).toEqual([2]);
  });

  it('does not taint the result of a function that ignores its parameter', () => {
    expect(lines('function wrap(v) { return "ls"; }\nexec(wrap(req.query.a));')).toEqual([]);
  });

  it('follows a tainted argument to a sink inside the callee', () => {
    expect(lines('const run = (c) => {\n  exec(c);\n};\nrun(req.query.a);')).toEqual([2]);
  });

  it('follows through two levels of helpers and methods', () => {
    const code = 'class S {\n  run(c) { this.go(c); }\n  go(d) { exec(d); }\n}\nnew S().run("x");\nfunction h(r) { s.run(r.query.a); }';
    // `s.run` is not resolved (unknown receiver), so only what `this.go` proves is used: no source reaches it here.
    expect(lines(code)).toEqual([]);
    expect(lines('function a(x) { b(x); }\nfunction b(y) {\n  exec(y);\n}\na(req.query.c);')).toEqual([3]);
  });

  it('reports a source inside a function body that nobody calls', () => {
    expect(lines('app.get("/", function (req, res) {\n  exec(req.query.c);\n});')).toEqual([2]);
    expect(lines('export default function handler(req, res) {\n  const { c } = req.query;\n  exec(c);\n}')).toEqual([3]);
  });

  it('returns a source from a helper', () => {
    expect(lines('function get() { return req.query.c; }\nexec(get());')).toEqual([2]);
  });

  it('records the steps for code flows', () => {
    const [match] = run('javascript', 'const a = req.query.c;\nconst b = "ls " + a;\nexec(b);', rule);
    expect(match?.source.text).toBe('req.query');
    expect(match?.steps.map((s) => s.label)).toEqual(['assigned to a', 'assigned to b']);
    expect(match?.sink).toMatchObject({ line: 2, label: 'sink: exec(b)' });
  });
});
