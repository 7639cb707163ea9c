#!/usr/bin/env node
// Builds the benchmark corpora under --out: js/ from an npm node_modules tree (one folder per name@version, nested
// node_modules flattened and deduplicated) and py/ from Python source trees. Rampart and the peers must read the
// same files, so this applies Rampart's walker rules up front (packages/sast/src/walk: files over 1 MiB, *.min.js /
// *.bundle.js, minified-looking or binary content are left out) and renames the directories that the walker skips
// by name (dist, build, vendor, ...: `dist` -> `dist_`) so that both tools scan that code rather than the peer
// alone. JavaScript files written as ES modules get the .mjs extension, so that ESLint parses each file with the
// right source type without a per-file config; the rest stay .js and are parsed as CommonJS.
//
// Usage: node prepare-corpus.mjs --out DIR --js NODE_MODULES [--py NAME=DIR ...]
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';

// Mirrors packages/sast/src/walk/default-excludes.ts and sniff.ts (the benchmark must not import the sources).
const EXCLUDED_DIRS = new Set(['.git', 'node_modules', 'bower_components', 'vendor', 'third_party', 'dist', 'build',
  'out', 'target', 'coverage', '.venv', 'venv', 'env', '__pycache__', '.tox', '.next', '.nuxt', 'site-packages']);
const MAX_BYTES = 1024 * 1024;
const SAMPLE_BYTES = 8192;
const MINIFIED_NAME = /\.(?:min|bundle)\.js$/i;
const ESM_STATIC = /^[ \t]*(?:import\s*[\w{*'"]|export\s+(?:default|const|let|var|function|class|async|\{|\*))/m;

function parseArgs(argv) {
  const args = { out: undefined, js: undefined, py: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--out') args.out = path.resolve(value);
    else if (flag === '--js') args.js = path.resolve(value);
    else if (flag === '--py') {
      const eq = value.indexOf('=');
      args.py.push({ name: value.slice(0, eq), dir: path.resolve(value.slice(eq + 1)) });
    } else throw new Error(`unknown option ${flag}`);
  }
  if (!args.out) throw new Error('--out is required');
  return args;
}

function looksMinified(sample) {
  if (sample.length < 1024) return false;
  let newlines = 0;
  for (const byte of sample) if (byte === 0x0a) newlines++;
  return sample.length / (newlines + 1) > 300;
}

function countLines(buf) {
  let n = 0;
  for (const byte of buf) if (byte === 0x0a) n++;
  return buf.length > 0 && buf[buf.length - 1] !== 0x0a ? n + 1 : n;
}

/** Copies one file if the walker would scan it; returns its line count, or a skip reason. */
async function copyFile(src, dest, lang) {
  const stat = await fs.lstat(src);
  if (!stat.isFile()) return { skip: 'not-a-file' };
  if (stat.size > MAX_BYTES) return { skip: 'too-large' };
  if (lang === 'js' && MINIFIED_NAME.test(src)) return { skip: 'minified' };
  const buf = await fs.readFile(src);
  const sample = buf.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) return { skip: 'binary' };
  if (lang === 'js' && looksMinified(sample)) return { skip: 'minified' };
  let target = dest;
  if (lang === 'js' && dest.endsWith('.js') && ESM_STATIC.test(buf.toString('utf8'))) {
    // foo.js beside a foo.mjs becomes foo.js.mjs, so that neither file overwrites the other.
    const sibling = await fs.stat(`${src.slice(0, -3)}.mjs`).catch(() => undefined);
    target = sibling ? `${dest}.mjs` : `${dest.slice(0, -3)}.mjs`;
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, buf);
  return { lines: countLines(buf) };
}

/** Walks `srcDir` (not following symlinks), copying source files of `lang` under `destDir`. */
async function copyTree(srcDir, destDir, lang, totals, { skipNodeModules }) {
  const ext = lang === 'js' ? /\.(?:js|mjs|cjs)$/ : /\.py$/;
  const entries = await fs.readdir(srcDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const src = path.join(srcDir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' && skipNodeModules) continue;
      if (entry.name === '.git' || entry.name === '__pycache__') continue;
      const name = EXCLUDED_DIRS.has(entry.name) ? `${entry.name}_` : entry.name;
      await copyTree(src, path.join(destDir, name), lang, totals, { skipNodeModules });
    } else if (entry.isFile() && ext.test(entry.name)) {
      const result = await copyFile(src, path.join(destDir, entry.name), lang);
      if (result.skip) totals.skipped[result.skip] = (totals.skipped[result.skip] ?? 0) + 1;
      else {
        totals.files++;
        totals.lines += result.lines;
      }
    }
  }
}

/** Every package directory under a node_modules tree, nested ones included. */
async function findPackages(nodeModules, found = []) {
  const entries = await fs.readdir(nodeModules, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = path.join(nodeModules, entry.name);
    if (entry.name.startsWith('@')) {
      await findPackages(dir, found);
      continue;
    }
    found.push(dir);
    await findPackages(path.join(dir, 'node_modules'), found);
  }
  return found;
}

async function buildJs(nodeModules, outDir) {
  const totals = { files: 0, lines: 0, packages: 0, skipped: {} };
  const seen = new Set();
  for (const dir of await findPackages(nodeModules)) {
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8').catch(() => '{}'));
    if (!manifest.name || !manifest.version) continue;
    const id = `${manifest.name.replace('/', '__')}@${manifest.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    totals.packages++;
    await copyTree(dir, path.join(outDir, id), 'js', totals, { skipNodeModules: true });
  }
  return totals;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const sizes = {};
  if (args.js) {
    const out = path.join(args.out, 'js');
    sizes.js = await buildJs(args.js, out);
  }
  if (args.py.length > 0) {
    const out = path.join(args.out, 'py');
    sizes.py = { files: 0, lines: 0, skipped: {}, roots: args.py.map((p) => `${p.name}=${p.dir}`) };
    for (const { name, dir } of args.py) await copyTree(dir, path.join(out, name), 'py', sizes.py, { skipNodeModules: false });
  }
  // Each corpus is its own work tree, so Rampart reads no .gitignore from the repository around bench/sast/.work.
  for (const lang of Object.keys(sizes)) execFileSync('git', ['init', '-q', path.join(args.out, lang)]);
  await fs.writeFile(path.join(args.out, 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
}

await main();
