#!/usr/bin/env node
// Same findings with and without the prescreen (packages/sast/src/engine/prescreen.ts), on a whole corpus: runs the
// engine's scanFiles both ways in one process, alternating, and compares every raw finding (rule, path, range,
// message). Prints the wall and CPU time of each (CPU includes ast-grep's native threads).
//
// Usage: node bench/sast/engine-parity.mjs <dir> [--only js]
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sast = await import(path.join(repo, 'packages/sast/dist/index.js'));

const argv = process.argv.slice(2);
const dir = argv[0];
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
if (!dir) throw new Error('usage: engine-parity.mjs <dir> [--only prefix]');

const rules = sast.loadRules(only !== undefined ? { only: [only] } : {});
const code = (await sast.walkFiles(dir)).files.filter((f) => sast.languageOf(f.path) !== undefined);
const key = (f) => {
  const l = f.location;
  return `${f.ruleId} ${l.path}:${l.startLine}:${l.startColumn}-${l.endLine}:${l.endColumn} ${f.message}`;
};

async function run(prescreen) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await sast.scanFiles(code, rules, { prescreen });
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - start) / 1000;
  console.log(`prescreen ${prescreen ? 'on ' : 'off'}: ${wall.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU, ` +
    `${result.findings.length} findings, ${result.filesScanned} files scanned, ${result.errors.length} errors`);
  return result;
}

console.log(`${code.length} files, ${rules.length} rules`);
const on = await run(true);
const off = await run(false);
const a = new Set(on.findings.map(key));
const b = new Set(off.findings.map(key));
const onlyOn = [...a].filter((k) => !b.has(k));
const onlyOff = [...b].filter((k) => !a.has(k));
console.log(`only with the prescreen: ${onlyOn.length}; only without: ${onlyOff.length}`);
for (const k of [...onlyOn, ...onlyOff].slice(0, 20)) console.log(`  ${k}`);
process.exitCode = onlyOn.length + onlyOff.length === 0 && on.filesScanned === off.filesScanned ? 0 : 1;
