#!/usr/bin/env node
// Where Rampart's SAST time goes, rule by rule: parses every file of a corpus once, then runs each applicable rule
// alone (the engine's own matchRoot, so the candidate filter, search and taint paths are the real ones) and adds up
// the time per rule. A diagnostic for bench/RESULTS.md, not a benchmark: the scan itself is timed by run.mjs.
//
// Usage: node bench/sast/rule-profile.mjs <dir> [--only js] [--top 25]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sast = await import(path.join(repo, 'packages/sast/dist/index.js'));
const napi = createRequire(path.join(repo, 'packages/sast/package.json'))('@ast-grep/napi');

const argv = process.argv.slice(2);
const dir = argv[0];
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const only = opt('--only', undefined);
const top = Number(opt('--top', '25'));
if (!dir) throw new Error('usage: rule-profile.mjs <dir> [--only prefix] [--top n]');

const rules = (await sast.loadRules()).filter((r) => only === undefined || r.id === only || r.id.startsWith(`${only}.`));
const { files } = await sast.walkFiles(dir);
sast.registerLanguages();
const perRule = new Map();
let parseMs = 0;
let scanned = 0;
for (const file of files) {
  const language = sast.languageOf(file.path);
  if (language === undefined) continue;
  const applicable = sast.rulesFor(rules, language);
  if (applicable.length === 0) continue;
  const source = readFileSync(file.absPath, 'utf8');
  let t = performance.now();
  const root = napi.parse(sast.napiLang(language), source).root();
  parseMs += performance.now() - t;
  scanned++;
  for (const rule of applicable) {
    t = performance.now();
    const found = sast.matchRoot(root, { source, path: file.path, language, rules: [rule], options: {} });
    const ms = performance.now() - t;
    const entry = perRule.get(rule.id) ?? { ms: 0, files: 0, findings: 0, mode: rule.mode, worst: { ms: 0, path: '' } };
    entry.ms += ms;
    entry.files++;
    entry.findings += found.length;
    if (ms > entry.worst.ms) entry.worst = { ms, path: file.path };
    perRule.set(rule.id, entry);
  }
}
const total = [...perRule.values()].reduce((s, e) => s + e.ms, 0);
console.log(`${scanned} files, ${rules.length} rules; parse ${(parseMs / 1000).toFixed(1)} s, rules ${(total / 1000).toFixed(1)} s`);
console.log('rule                                            mode     total s  share  findings  slowest file');
for (const [id, e] of [...perRule].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
  console.log(
    `${id.padEnd(48)}${e.mode.padEnd(8)}${(e.ms / 1000).toFixed(2).padStart(8)} ${((100 * e.ms) / total).toFixed(1).padStart(5)}% ` +
      `${String(e.findings).padStart(9)}  ${e.worst.path} (${(e.worst.ms / 1000).toFixed(2)} s)`,
  );
}
