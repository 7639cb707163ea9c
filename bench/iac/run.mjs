#!/usr/bin/env node
// IaC benchmark: times `rampart iac` (the CLI, every output format written) over a generated tree of Kubernetes
// manifests, GitHub workflows, Dockerfiles, Terraform and GitLab CI files, plus Rampart's own pipeline files.
// Also times the scan alone (the @rampart/iac library: walk, parse, rules), to show what the shared pipeline adds.
// Usage: npx -y pnpm@10 --filter @rampart/iac --filter @rampart/cli build && node bench/iac/run.mjs [scale]
// (scale 1 = 95 generated files; the default 100 = 9,500)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
const scale = Number(process.argv[2] ?? 100);
const runs = 3;

const dir = mkdtempSync(join(tmpdir(), 'rampart-bench-iac-'));
try {
  generate(join(dir, 'generated'), scale);
  for (const own of ['.github', 'actions', 'templates']) {
    cpSync(join(ROOT, own), join(dir, 'rampart', own), { recursive: true, filter: (p) => !p.includes('node_modules') && !p.includes('/dist') });
  }
  const { scanIac } = await import('../../packages/iac/dist/index.js');
  const libTimes = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    scanIac(dir);
    libTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const times = [];
  let summary;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [BIN, 'iac', '.', '--fail-on', 'none', '--json', '--out-dir', join(dir, `out-${i}`)], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (res.status !== 0) throw new Error(`rampart iac exited ${res.status}: ${res.stderr}`);
    summary = JSON.parse(res.stdout);
  }
  const findings = JSON.parse(readFileSync(join(dir, 'out-0/findings.json'), 'utf8')).findings;
  const byRule = new Map();
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const scanned = summary.notifications?.find((n) => /^IaC: scanned/.test(n.message))?.message ?? '';
  const files = [...scanned.matchAll(/(\d+) [a-z-]+/g)].reduce((a, m) => a + Number(m[1]), 0);
  const best = Math.min(...times);
  console.log(`rampart iac over ${files} files (${scanned.replace(/^IaC: scanned /, '')}), every output format written`);
  console.log(`wall time: best ${best.toFixed(2)} s of ${runs} (${times.map((t) => t.toFixed(2)).join(', ')}); ${(files / best).toFixed(0)} files/s`);
  console.log(`scan alone (library scanIac, same tree): best ${Math.min(...libTimes).toFixed(2)} s of ${runs} (${libTimes.map((t) => t.toFixed(2)).join(', ')})`);
  console.log(`findings: ${findings.length}`);
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(36)} ${n}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
