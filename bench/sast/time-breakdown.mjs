#!/usr/bin/env node
// Where `rampart sast` spends its time, phase by phase, on one directory: loading the rules, walking, reading,
// parsing, search rules and taint rules (each file parsed once and every applicable rule run alone through the
// engine's own matchRoot, i.e. the rule-by-rule path), secrets (not part of `rampart sast`, which runs code rules
// only, but of `rampart scan`), and writing the outputs; then the engine's scanFiles as the CLI runs it, with and
// without the prescreen. A diagnostic for bench/RESULTS.md; the scan itself is timed by run.mjs.
//
// Usage: node bench/sast/time-breakdown.mjs <dir> [--only js] [--top 10]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sast = await import(path.join(repo, 'packages/sast/dist/index.js'));
const core = await import(path.join(repo, 'packages/core/dist/index.js'));
const napi = createRequire(path.join(repo, 'packages/sast/package.json'))('@ast-grep/napi');

const argv = process.argv.slice(2);
const dir = argv[0];
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const only = opt('--only', undefined);
const top = Number(opt('--top', '10'));
if (!dir) throw new Error('usage: time-breakdown.mjs <dir> [--only prefix] [--top n]');

const phases = [];
async function timed(name, fn) {
  const t = performance.now();
  const value = await fn();
  phases.push([name, performance.now() - t]);
  return value;
}

const rules = await timed('load rules', () => sast.loadRules().filter((r) => only === undefined || r.id === only || r.id.startsWith(`${only}.`)));
const { files } = await timed('walk', () => sast.walkFiles(dir));
const code = files.filter((f) => sast.languageOf(f.path) !== undefined);
const texts = await timed('read', () => code.map((f) => readFileSync(f.absPath, 'utf8')));
sast.registerLanguages();
const roots = await timed('parse', () => code.map((f, i) => napi.parse(sast.napiLang(sast.languageOf(f.path)), texts[i]).root()));

const perRule = new Map();
const findings = [];
let ruleMs = { search: 0, taint: 0 };
code.forEach((file, i) => {
  const language = sast.languageOf(file.path);
  for (const rule of sast.rulesFor(rules, language)) {
    const t = performance.now();
    const found = sast.matchRoot(roots[i], { source: texts[i], path: file.path, language, rules: [rule], options: {} });
    const ms = performance.now() - t;
    ruleMs[rule.mode] += ms;
    findings.push(...found);
    const entry = perRule.get(rule.id) ?? { ms: 0, mode: rule.mode };
    entry.ms += ms;
    perRule.set(rule.id, entry);
  }
});
phases.push(['search rules', ruleMs.search], ['taint rules', ruleMs.taint]);
roots.length = 0;

await timed('secrets (rampart scan only)', () => code.forEach((f, i) => sast.scanSecrets(texts[i], f.path)));
const out = mkdtempSync(path.join(tmpdir(), 'rampart-breakdown-'));
await timed('outputs (process + render all formats + write)', async () => {
  const now = new Date();
  const run = core.processFindings({ scanner: 'sast', tools: [sast.SAST_TOOL], startedAt: now, now, findings, ignores: [], failOn: 'none', newOnly: false });
  await core.writeOutputsAtomic(out, core.renderAll(run, undefined, { sarif: { srcRoot: dir } }).files);
});
rmSync(out, { recursive: true, force: true });

const scanFiles = async (prescreen) => (await sast.scanFiles(code, rules, { prescreen })).findings.length;
const withPrescreen = await timed('scanFiles, prescreen on (what the CLI runs)', () => scanFiles(true));
const without = await timed('scanFiles, prescreen off (rule by rule)', () => scanFiles(false));

console.log(`${code.length} code files of ${files.length}, ${rules.length} rules; ${findings.length} findings rule by rule, scanFiles ${withPrescreen} / ${without}`);
for (const [name, ms] of phases) console.log(`${name.padEnd(50)}${(ms / 1000).toFixed(2).padStart(8)} s`);
console.log(`\nslowest ${top} rules (rule by rule, all files)`);
for (const [id, e] of [...perRule].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
  console.log(`${id.padEnd(50)}${e.mode.padEnd(8)}${(e.ms / 1000).toFixed(2).padStart(8)} s`);
}
