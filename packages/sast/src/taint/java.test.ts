import { describe, expect, it } from 'vitest';
import { sinkLines, taintRule } from './test-support.js';

const rule = taintRule({
  sources: [{ pattern: '$REQ.getParameter($$$)' }, { pattern: '$REQ.getCookies()' }, { pattern: '$REQ.getInputStream()' }, { pattern: '$REQ.getParameterMap()' }],
  sinks: [{ any: [{ pattern: 'exec($X)' }, { pattern: '$R.exec($X)' }], focus: '$X' }],
  cwe: ['CWE-78'],
});

function lines(body: string, extra = ''): number[] {
  const code = `class T {\nvoid h(HttpServletRequest req) {\n${body.replace(/^\n/, '')}\n}\n${extra}}\n`;
  return sinkLines('java', code, rule).map((l) => l - 2);
}

describe('findTaint, Java propagation', () => {
  it.each([
    ['direct', 'exec(req.getParameter("c"));', [1]],
    ['declaration', 'String c = req.getParameter("c");\nexec(c);', [2]],
    ['assignment', 'String c;\nc = req.getParameter("c");\nexec(c);', [3]],
    ['concatenation', 'String c = "ls " + req.getParameter("c");\nexec(c);', [2]],
    ['+=', 'String c = "ls ";\nc += req.getParameter("c");\nexec(c);', [3]],
    ['String.format', 'String c = String.format("ls %s", req.getParameter("c"));\nexec(c);', [2]],
    ['StringBuilder chain', 'String c = new StringBuilder("ls ").append(req.getParameter("c")).toString();\nexec(c);', [2]],
    ['StringBuilder variable', 'StringBuilder sb = new StringBuilder();\nsb.append(req.getParameter("c"));\nexec(sb.toString());', [3]],
    ['String.join', 'String c = String.join(" ", "ls", req.getParameter("c"));\nexec(c);', [2]],
    ['list add/get', 'List<String> l = new ArrayList<>();\nl.add(req.getParameter("c"));\nexec(l.get(0));', [3]],
    ['map put/get', 'Map<String, String> m = new HashMap<>();\nm.put("k", req.getParameter("c"));\nexec(m.get("k"));', [3]],
    ['array', 'String[] a = new String[] {req.getParameter("c")};\nexec(a[0]);', [2]],
    ['array element', 'String[] a = new String[2];\na[1] = req.getParameter("c");\nexec(a[1]);', [3]],
    ['pass-through', 'String c = req.getParameter("c").trim().toLowerCase().substring(1).split(",")[0];\nexec(c);', [2]],
    ['bytes', 'byte[] b = req.getParameter("c").getBytes();\nexec(new String(b));', [2]],
    ['cookies', 'Cookie[] cs = req.getCookies();\nexec(cs[0].getValue());', [2]],
    ['for-each', 'for (Cookie ck : req.getCookies()) {\nexec(ck.getValue());\n}', [2]],
    ['helper', 'exec(wrap(req.getParameter("c")));', [1], 'private String wrap(String p) { return "ls " + p.trim(); }\n'],
    ['helper sink', 'run(req.getParameter("c"));', [4], 'private void run(String p) {\nexec(p);\n}\n'],
    ['non-constant ternary', 'String c = req.getParameter("c");\nString d = c.isEmpty() ? "x" : c;\nexec(d);', [3]],
    ['live ternary', 'String c = req.getParameter("c");\nString d = (7 * 42) - 86 > 200 ? c : "x";\nexec(d);', [3]],
    ['lambda', 'List<String> l = Arrays.asList(req.getParameter("c"));\nl.forEach(x -> exec(x));', [2]],
    ['this.helper', 'exec(this.wrap(req.getParameter("c")));', [1], 'private String wrap(String p) { return p; }\n'],
    ['overload by arity', 'exec(wrap(req.getParameter("c"), 1));', [1], 'private String wrap(String p) { return "x"; }\nprivate String wrap(String p, int n) { return p; }\n'],
    ['try-with-resources', 'try (BufferedReader r = new BufferedReader(new InputStreamReader(req.getInputStream()))) {\nexec(r.readLine());\n}', [2]],
    ['while loop', 'String c = "";\nint i = 0;\nwhile (i < 3) { c = c + req.getParameter("c"); i++; }\nexec(c);', [4]],
    ['parameter map', 'Map<String, String[]> m = req.getParameterMap();\nString[] v = m.get("c");\nexec(v[0]);', [3]],
    ['static helper', 'exec(T.wrap(req.getParameter("c")));', [1], 'static String wrap(String p) { return "ls " + p; }\n'],
    ['cast', 'Object o = req.getParameter("c");\nexec((String) o);', [2]],
  ])('%s reports', (_name, body, expected, extra = '') => {
    expect(lines(body, extra)).toEqual(expected);
  });

  it.each([
    ['local reassigned is not constant', 'String c = req.getParameter("c");\nint num = 106;\nnum = num - 20;\nString d = (7 * 42) - num > 200 ? c : "x";\nexec(d);', [5]],
    ['switch', 'String c = req.getParameter("c");\nString d = "x";\nswitch (c.length()) {\ncase 1: d = c; break;\ndefault: break;\n}\nexec(d);', [7]],
  ])('%s reports (control flow)', (_name, body, expected, extra = '') => {
    expect(lines(body, extra)).toEqual(expected);
  });

  it.each([
    ['constant', 'exec("ls");'],
    ['overwritten', 'String c = req.getParameter("c");\nc = "ls";\nexec(c);'],
    ['parseInt', 'int n = Integer.parseInt(req.getParameter("c"));\nexec("ls " + n);'],
    ['valueOf', 'Long n = Long.valueOf(req.getParameter("c"));\nexec("ls " + n);'],
    ['other map key', 'Map<String, String> m = new HashMap<>();\nm.put("a", "safe");\nm.put("b", req.getParameter("c"));\nexec(m.get("a"));'],
    ['other array element', 'String[] a = {"x", "y"};\na[1] = req.getParameter("c");\nexec(a[0]);'],
    ['if (false)', 'String c = req.getParameter("c");\nString d = "x";\nif (false) { d = c; }\nexec(d);'],
    ['final constant', 'String c = req.getParameter("c");\nString d = "x";\nif (DEBUG) { d = c; }\nexec(d);', 'private static final boolean DEBUG = false;\n'],
    ['dead ternary', 'String c = req.getParameter("c");\nString d = (7 * 42) - 106 > 200 ? c : "x";\nexec(d);'],
    ['constant int ternary', 'String c = req.getParameter("c");\nint num = 106;\nString d = (7 * 18) + num > 200 ? "x" : c;\nexec(d);'],
    ['local constant in another method', 'String c = req.getParameter("c");\nint num = 106;\nString d = (7 * 42) - num > 200 ? c : "x";\nexec(d);', 'void other() { int num = 86; }\n'],
    ['constant if/else', 'String c = req.getParameter("c");\nint num = 86;\nString d;\nif ((7 * 42) - num > 200) d = "x"; else d = c;\nexec(d);'],
    ['helper ignoring param', 'exec(fixed(req.getParameter("c")));', 'private String fixed(String p) { return "ls"; }\n'],
    ['allow-list', 'String c = req.getParameter("c");\nif (!ALLOWED.contains(c)) { return; }\nexec(c);'],
    ['equals guard', 'String c = req.getParameter("c");\nif ("ls".equals(c)) { exec(c); }'],
    ['size', 'exec("ls " + req.getParameter("c").length());'],
    ['static helper of a local class', 'exec(T.fixed(req.getParameter("c")));', 'static String fixed(String p) { return "ls"; }\n'],
    ['helper sanitising', 'exec(num(req.getParameter("c")));', 'private String num(String p) { return String.valueOf(Integer.parseInt(p)); }\n'],
    ['primitive local', 'int n = req.getParameter("c").length();\nexec("ls " + n);'],
    ['dead code after return', 'String c = req.getParameter("c");\nif (true) { return; }\nexec(c);'],
    ['unreached helper', 'String c = req.getParameter("c");\nexec("ls");', 'private void run(String p) {\nexec(p);\n}\n'],
  ])('%s does not report', (_name, body, extra = '') => {
    expect(lines(body, extra)).toEqual([]);
  });
});
