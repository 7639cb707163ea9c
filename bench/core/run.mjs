#!/usr/bin/env node
// Core benchmark: 100,000 findings through ingest (SARIF reader), fingerprint, dedupe, suppressions, gate and
// every writer, against the floor: JSON.parse + JSON.stringify of the same report text. Prints the ratio.
// Usage: pnpm build && node bench/core/run.mjs [count]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeSarif } from './generate.mjs';

const core = await import('../../packages/core/dist/index.js');
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const text = makeSarif(count);
const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;


function floor() {
  const t0 = performance.now();
  const doc = JSON.parse(text);
  const out = JSON.stringify(doc);
  if (out.length === 0) throw new Error('unreachable');
  return performance.now() - t0;
}

function ours() {
  const t0 = performance.now();
  const read = core.readReport(text, { file: 'bench.sarif' });
  const t1 = performance.now();
  const now = new Date();
  const run = core.processFindings({
    scanner: 'bench',
    tools: read.tools,
    startedAt: now,
    now,
    findings: read.findings,
    ignores: [{ path: 'src/generated/**', reason: 'generated code' }],
    failOn: 'high',
    newOnly: false,
  });
  const t2 = performance.now();
  const rendered = core.renderAll(run);
  const files = Array.isArray(rendered) ? rendered : rendered.files;
  const bytes = files.reduce((n, f) => n + f.content.length, 0);
  const t3 = performance.now();
  return { total: t3 - t0, read: t1 - t0, process: t2 - t1, write: t3 - t2, findings: run.findings.length, bytes };
}

// Memory is measured in a fresh process that makes one pass, so garbage from the timed repetitions
// below does not count: that child prints its peak resident set size and exits.
if (process.argv.includes('--once')) {
  ours();
  console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  process.exit(0);
}

// One warm-up of each, then the best of three, so JIT and GC noise do not decide the ratio.
floor();
ours();
const floors = [floor(), floor(), floor()];
const runs = [ours(), ours(), ours()];
const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(count), '--once'], { encoding: 'utf8' });
const peakRss = JSON.parse(child.stdout.trim().split('\n').pop()).maxRssKb * 1024;
const f = Math.min(...floors);
const best = runs.reduce((a, b) => (b.total < a.total ? b : a));
console.log(`input: ${count} SARIF results, ${mb(text.length)} of JSON`);
console.log(`floor (JSON.parse + JSON.stringify): ${f.toFixed(0)} ms`);
console.log(
  `rampart core: ${best.total.toFixed(0)} ms (read ${best.read.toFixed(0)}, fingerprint+dedupe+suppress+gate ${best.process.toFixed(0)}, all writers ${best.write.toFixed(0)}); ${best.findings} findings, ${mb(best.bytes)} written`,
);
console.log(`ratio: ${(best.total / f).toFixed(2)}x the floor (target <= 5x)`);
console.log(`peak RSS of one pass (input generation included): ${mb(peakRss)} (target < 1024 MB)`);
