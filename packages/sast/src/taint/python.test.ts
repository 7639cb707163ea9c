import { describe, expect, it } from 'vitest';
import { sinkLines, taintRule } from './test-support.js';

const rule = taintRule({
  sources: [{ pattern: 'request.args' }, { pattern: 'request.form' }, { pattern: 'input()' }, { pattern: 'sys.argv' }],
  sinks: [{ any: [{ pattern: 'os.system($X)' }, { pattern: 'run($X, $$$)' }], focus: '$X' }],
  sanitizers: [{ pattern: 'clean($$$)' }],
});

function lines(code: string): number[] {
  return sinkLines('python', code.replace(/^\n/, ''), rule);
}

describe('findTaint, Python propagation', () => {
  it.each([
    ['direct', 'os.system(request.args["c"])', [1]],
    ['assignment', 'c = request.args.get("c")\nos.system(c)', [2]],
    ['concatenation', 'c = "ls " + request.args["d"]\nos.system(c)', [2]],
    ['augmented assignment', 'c = "ls "\nc += request.form["d"]\nos.system(c)', [3]],
    ['tuple unpacking', 'a, b = request.args["a"], "x"\nos.system(a)', [2]],
    ['unpacking a tainted value', 'a, b = sys.argv[1:3]\nos.system(b)', [2]],
    ['f-string', 'c = f"ls {input()}"\nos.system(c)', [2]],
    ['format', 'c = "ls {}".format(input())\nos.system(c)', [2]],
    ['percent formatting', 'c = "ls %s" % (input(),)\nos.system(c)', [2]],
    ['join', 'c = " ".join(["ls", input()])\nos.system(c)', [2]],
    ['append', 'parts = ["ls"]\nparts.append(input())\nos.system(" ".join(parts))', [3]],
    ['dict literal and element access', 'd = {"cmd": input()}\nos.system(d["cmd"])', [2]],
    ['pass-through methods', 'os.system(str(input()).strip().lower())', [1]],
    ['for loop', 'for c in request.form.getlist("c"):\n    os.system(c)', [2]],
    ['comprehension', 'cs = [c.strip() for c in sys.argv]\nos.system(cs[0])', [2]],
    ['with ... as', 'with wrap(input()) as c:\n    os.system(c)', [2]],
    ['walrus', 'if (c := input()):\n    os.system(c)', [2]],
    ['keyword argument', 'run(input(), shell=True)', [1]],
  ])('%s reports', (_name, code, expected) => {
    expect(lines(code)).toEqual(expected);
  });

  it.each([
    ['constant', 'os.system("ls")'],
    ['overwritten', 'x = input()\nx = "safe"\nos.system(x)'],
    ['int()', 'os.system("kill %d" % int(input()))'],
    ['rule sanitizer', 'os.system(clean(input()))'],
    ['other dict key', 'd = {"a": input(), "b": "ls"}\nos.system(d["b"])'],
    ['if False', 'if False:\n    os.system(input())'],
    ['if 0', 'if 0:\n    os.system(input())'],
    ['DEBUG = False', 'DEBUG = False\nif DEBUG:\n    os.system(input())'],
    ['not True', 'if not True:\n    os.system(input())'],
    ['allow-list', 'c = input()\nif c in ALLOWED:\n    os.system(c)'],
    ['allow-list, early exit', 'c = input()\nif c not in ALLOWED:\n    raise ValueError(c)\nos.system(c)'],
    ['isdigit', 'c = input()\nif c.isdigit():\n    os.system("kill " + c)'],
    ['assert', 'c = input()\nassert c in ALLOWED\nos.system(c)'],
    ['code after return', 'def f():\n    return\n    os.system(input())'],
    ['comparison', 'os.system(input() == "x")'],
    ['len', 'os.system("head -n %d" % len(input()))'],
  ])('%s does not report', (_name, code) => {
    expect(lines(code)).toEqual([]);
  });

  it('merges branches conservatively', () => {
    expect(lines('x = "ls"\nif cond:\n    x = input()\nelif other:\n    x = "a"\nos.system(x)')).toEqual([6]);
    expect(lines('x = input()\nif cond:\n    x = "a"\nelse:\n    x = "b"\nos.system(x)')).toEqual([]);
  });
});

describe('findTaint, Python functions', () => {
  it('taints the call result of a function returning its parameter', () => {
    expect(lines('def wrap(v):\n    return "ls " + v\nos.system(wrap(input()))')).toEqual([3]);
    expect(lines('def wrap(v):\n    return "ls"\nos.system(wrap(input()))')).toEqual([]);
  });

  it('follows a tainted argument into the callee, keyword arguments included', () => {
    expect(lines('def run_it(cmd):\n    os.system(cmd)\nrun_it(cmd=input())')).toEqual([2]);
    expect(lines('def run_it(cmd):\n    os.system(cmd)\nrun_it("ls")')).toEqual([]);
  });

  it('resolves self methods past the self parameter', () => {
    const code = 'class A:\n    def go(self, c):\n        os.system(c)\n    def start(self):\n        self.go(input())';
    expect(lines(code)).toEqual([3]);
  });

  it('reports inside a Flask view nobody calls', () => {
    const code = '@app.route("/")\ndef view():\n    name = request.args.get("n")\n    os.system("echo " + name)';
    expect(lines(code)).toEqual([4]);
  });

  it('uses module-level taint inside functions called later', () => {
    expect(lines('cmd = sys.argv[1]\ndef main():\n    os.system(cmd)\nif __name__ == "__main__":\n    main()')).toEqual([3]);
  });
});
