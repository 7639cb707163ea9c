/**
 * Parsing strategy for scanFiles, measured with `npx vitest bench --run packages/sast/src/engine/scan-files.bench.ts`:
 * 2,000 generated files (JavaScript and Python, ~6 KB each) against 12 search rules.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import type { PatternRule } from '../rule-types.js';
import { scanFiles, type ScanFile } from './scan-files.js';

const FILES = 2000;

function jsFile(n: number): string {
  const body: string[] = [];
  for (let i = 0; i < 60; i++) {
    body.push(`function handler${n}_${i}(req, res) {\n  const id = req.query.id + ${i};\n  const rows = db.query("SELECT * FROM t WHERE id = " + id);\n  if (rows.length > ${i}) { res.send(rows.map((r) => r.name).join(",")); }\n}\n`);
  }
  if (n % 7 === 0) body.push('exec(req.body.cmd);\neval(code);\n');
  return body.join('\n');
}

function pyFile(n: number): string {
  const body: string[] = ['import os', 'import subprocess', ''];
  for (let i = 0; i < 60; i++) {
    body.push(`def handler_${n}_${i}(request):\n    value = request.args.get("id") + "${i}"\n    rows = cursor.execute("SELECT * FROM t WHERE id = %s" % value)\n    return [r.name for r in rows if r.size > ${i}]\n`);
  }
  if (n % 7 === 0) body.push('os.system(cmd)\nsubprocess.call(cmd, shell=True)\n');
  return body.join('\n');
}

function rule(id: string, languages: PatternRule['languages'], pattern: string): PatternRule {
  return { id, languages, mode: 'search', message: id, severity: 'high', confidence: 'high', cwe: ['CWE-1'], rule: { pattern } };
}

const RULES: PatternRule[] = [
  rule('js.exec', ['javascript'], 'exec($X)'),
  rule('js.eval', ['javascript'], 'eval($X)'),
  rule('js.query', ['javascript'], '$DB.query($A + $B)'),
  rule('js.send', ['javascript'], 'res.send($X)'),
  rule('js.fn', ['javascript'], 'new Function($$$)'),
  rule('js.timeout', ['javascript'], 'setTimeout($S, $$$)'),
  rule('py.system', ['python'], 'os.system($X)'),
  rule('py.shell', ['python'], 'subprocess.call($X, shell=True)'),
  rule('py.execute', ['python'], '$C.execute($Q % $V)'),
  rule('py.eval', ['python'], 'eval($X)'),
  rule('py.pickle', ['python'], 'pickle.loads($X)'),
  rule('py.yaml', ['python'], 'yaml.load($X)'),
];

const dir = mkdtempSync(join(tmpdir(), 'rampart-bench-'));
const files: ScanFile[] = [];
for (let n = 0; n < FILES; n++) {
  const sub = join(dir, `d${n % 40}`);
  mkdirSync(sub, { recursive: true });
  const name = n % 2 === 0 ? `f${n}.js` : `f${n}.py`;
  writeFileSync(join(sub, name), n % 2 === 0 ? jsFile(n) : pyFile(n));
  files.push({ path: `d${n % 40}/${name}`, absPath: join(sub, name) });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanFiles on 2,000 files', () => {
  const opts = { iterations: 3, warmupIterations: 1 };
  bench('sync parse, concurrency 1', async () => void (await scanFiles(files, RULES, { parser: 'sync', concurrency: 1 })), opts);
  bench('sync parse, concurrency 4', async () => void (await scanFiles(files, RULES, { parser: 'sync', concurrency: 4 })), opts);
  bench('parseAsync, concurrency 2', async () => void (await scanFiles(files, RULES, { parser: 'async', concurrency: 2 })), opts);
  bench('parseAsync, concurrency 4', async () => void (await scanFiles(files, RULES, { parser: 'async', concurrency: 4 })), opts);
  bench('parseAsync, concurrency 8', async () => void (await scanFiles(files, RULES, { parser: 'async', concurrency: 8 })), opts);
});
