#!/usr/bin/env node
// SBOM benchmark: one npm project of ~1,400 packages (react-scripts, express, ...), inventoried side by side in one
// run by Rampart (the inventory library alone, and the `rampart sbom` CLI when it is built), cdxgen and
// cyclonedx-npm. For each: wall time, peak RSS and how its component set differs from `npm ls --all --json`, the
// package manager's own account of what is installed.
// Each tool runs `--repeat` times (default 3) in turn; the table gives its best wall time and its highest peak RSS.
// Usage: bash bench/sbom/setup.sh && npx -y pnpm@10 build && node bench/sbom/run.mjs [--repeat N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..');
const work = join(here, '.work');
const project = join(work, 'project');
const outDir = join(work, 'out');
const npm = join(repo, 'node_modules', '.bin', 'npm');
const repeatAt = process.argv.indexOf('--repeat');
const repeat = repeatAt > 0 ? Number(process.argv[repeatAt + 1]) : 3;

if (!existsSync(join(project, '.installed'))) {
  console.error('run bash bench/sbom/setup.sh first');
  process.exit(2);
}
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** `pkg:npm/@scope/name@1.0.0`: the comparable part of a purl, decoded, without qualifiers. */
function key(purl) {
  return decodeURIComponent(purl.replace(/[?#].*$/, ''));
}

/** Runs a command under /usr/bin/time -v: wall time, peak RSS and its exit status. */
function timed(command, args, options = {}) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const seconds = (performance.now() - t0) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : NaN, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function npmLsTruth() {
  const r = spawnSync(npm, ['ls', '--all', '--json'], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 30 });
  const set = new Set();
  const visit = (node) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (child.version === undefined) continue; // a dependency npm did not install (another platform's)
      set.add(`pkg:npm/${name}@${child.version}`);
      visit(child);
    }
  };
  visit(JSON.parse(r.stdout));
  return set;
}

/** Every component of a CycloneDX BOM, nested ones included, as purl keys. */
function cdxKeys(file) {
  const bom = JSON.parse(readFileSync(file, 'utf8'));
  const set = new Set();
  const visit = (components) => {
    for (const c of components ?? []) {
      if (c.purl?.startsWith('pkg:npm/')) set.add(key(c.purl));
      visit(c.components);
    }
  };
  visit(bom.components);
  return set;
}

const tools = [
  {
    name: 'rampart inventory (catalog(nodeFs(dir)), library)',
    available: existsSync(join(repo, 'packages/inventory/dist/index.js')),
    run: () => timed(process.execPath, [join(here, 'rampart-inventory.mjs'), project, join(outDir, 'rampart-inventory.json')]),
    read: () => new Set(JSON.parse(readFileSync(join(outDir, 'rampart-inventory.json'), 'utf8')).purls.map(key)),
  },
  {
    name: 'rampart sbom (CLI, CycloneDX + SPDX, validated)',
    available: existsSync(join(repo, 'packages/cli/dist/bin.js')),
    run: () =>
      timed(process.execPath, [join(repo, 'packages/cli/dist/bin.js'), 'sbom', project, '--out-dir', join(outDir, 'rampart-cli')], {
        env: { ...process.env, SOURCE_DATE_EPOCH: '0' },
      }),
    read: () => cdxKeys(join(outDir, 'rampart-cli', 'sbom.cdx.json')),
  },
  {
    name: 'cdxgen',
    available: existsSync(join(work, 'tools/node_modules/.bin/cdxgen')),
    run: () =>
      timed(join(work, 'tools/node_modules/.bin/cdxgen'), ['-t', 'js', '-o', join(outDir, 'cdxgen.json'), project], {
        env: { ...process.env, FETCH_LICENSE: 'false', CDXGEN_TELEMETRY: 'false', DO_NOT_TRACK: '1' },
      }),
    read: () => cdxKeys(join(outDir, 'cdxgen.json')),
  },
  {
    name: 'cyclonedx-npm',
    available: existsSync(join(work, 'tools/node_modules/.bin/cyclonedx-npm')),
    run: () =>
      timed(join(work, 'tools/node_modules/.bin/cyclonedx-npm'), ['--output-file', join(outDir, 'cyclonedx-npm.json'), '--', join(project, 'package.json')], {
        cwd: project,
        env: { ...process.env, npm_execpath: join(repo, 'node_modules', 'npm', 'bin', 'npm-cli.js') },
      }),
    read: () => cdxKeys(join(outDir, 'cyclonedx-npm.json')),
  },
];

const truth = npmLsTruth();
console.log(`project: ${project}`);
console.log(`npm ls --all --json: ${truth.size} distinct name@version installed; best of ${repeat} runs per tool\n`);
console.log('| tool | wall time | peak RSS | components (npm) | not in npm ls | in npm ls, missing |');
console.log('|---|---:|---:|---:|---:|---:|');
const notes = [];
for (const tool of tools) {
  if (!tool.available) {
    console.log(`| ${tool.name} | not built / not installed | | | | |`);
    continue;
  }
  const runs = Array.from({ length: repeat }, () => tool.run());
  const failed = runs.find((x) => x.status !== 0);
  const r = failed ?? {
    ...runs[0],
    seconds: Math.min(...runs.map((x) => x.seconds)),
    peakMb: Math.max(...runs.map((x) => x.peakMb)),
  };
  if (r.status !== 0) {
    console.log(`| ${tool.name} | failed (exit ${r.status}) | | | | |`);
    notes.push(`${tool.name}: ${(r.stderr ?? '').split('\n').slice(-8).join('\n')}`);
    continue;
  }
  const got = tool.read();
  const extra = [...got].filter((k) => !truth.has(k)).sort();
  const missing = [...truth].filter((k) => !got.has(k)).sort();
  console.log(
    `| ${tool.name} | ${r.seconds.toFixed(2)} s | ${r.peakMb.toFixed(0)} MB | ${got.size} | ${extra.length} | ${missing.length} |`,
  );
  if (extra.length > 0) notes.push(`${tool.name}, not in npm ls (first 8): ${extra.slice(0, 8).join(', ')}`);
  if (missing.length > 0) notes.push(`${tool.name}, in npm ls but missing (first 8): ${missing.slice(0, 8).join(', ')}`);
}
if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
