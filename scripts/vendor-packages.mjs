#!/usr/bin/env node
// Copies npm packages that a bundle keeps external (because they read their own files at run time, like
// @cyclonedx/cyclonedx-library's schema files) into <out>/node_modules, with every dependency and every installed
// peer they need, so the action runs from a copy of its folder with no install step.
// Usage: node scripts/vendor-packages.mjs <action-dir> <out-dir> <package>... Deterministic: same inputs, same files.
import { cpSync, existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const [actionArg, outArg, ...roots] = process.argv.slice(2);
if (!actionArg || !outArg || roots.length === 0) {
  console.error('usage: vendor-packages.mjs <action-dir> <out-dir> <package>...');
  process.exit(2);
}
const actionDir = resolve(actionArg);
const out = resolve(actionDir, outArg);

/** Where Node would find `name` from `fromDir`: walk up the node_modules folders, as require() does. */
function locate(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const p = join(dir, 'node_modules', name);
    if (existsSync(join(p, 'package.json'))) return realpathSync(p);
    if (dirname(dir) === dir) return undefined;
  }
}

const copied = new Map(); // name -> { dir, version }
const skipped = [];

function vendor(name, fromDir, required) {
  const src = locate(name, fromDir);
  if (!src) {
    if (required) throw new Error(`vendor: ${name} is not installed (needed from ${relative(actionDir, fromDir) || '.'})`);
    skipped.push(name);
    return;
  }
  const pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
  const seen = copied.get(name);
  if (seen) {
    // A flat node_modules holds one version per name; two different ones would need nesting, which nothing needs yet.
    if (seen.version !== pkg.version) throw new Error(`vendor: ${name} is needed at ${seen.version} and ${pkg.version}`);
    return;
  }
  copied.set(name, { dir: src, version: pkg.version });
  cpSync(src, join(out, 'node_modules', name), {
    recursive: true,
    dereference: true,
    filter: (p) => {
      const parts = relative(src, p).split(/[\\/]/);
      // Nested node_modules are pnpm's links to dependencies, vendored on their own below. TypeScript sources,
      // declarations, source maps and browser builds are never loaded by Node.
      if (parts.includes('node_modules') || parts.includes('dist.web') || parts.includes('dist.d')) return false;
      // Nor are a package's own CI files, dotfiles, tests, benchmarks and docs (and a workflow file shipped in a
      // vendored package would read as ours to anyone scanning this repository).
      if (parts.some((part) => part.startsWith('.'))) return false;
      if (['test', 'tests', '__tests__', 'benchmark', 'benchmarks', 'docs', 'example', 'examples'].includes(parts[0] ?? '')) return false;
      return !/\.(d\.[cm]?ts|ts|map)$/.test(p) || p.endsWith('.json');
    },
  });
  for (const dep of Object.keys(pkg.dependencies ?? {}).sort()) vendor(dep, src, true);
  for (const dep of Object.keys(pkg.optionalDependencies ?? {}).sort()) vendor(dep, src, false);
  // Optional peers (the XML plugins of cyclonedx-library) are vendored only when installed.
  for (const dep of Object.keys(pkg.peerDependencies ?? {}).sort()) vendor(dep, src, false);
}

rmSync(join(out, 'node_modules'), { recursive: true, force: true });
for (const name of roots) vendor(name, actionDir, true);
const names = [...copied.keys()].sort();
console.log(`vendor: ${names.length} packages into ${relative(actionDir, out)}/node_modules: ${names.join(', ')}` + (skipped.length ? ` (not installed, left out: ${[...new Set(skipped)].sort().join(', ')})` : ''));
