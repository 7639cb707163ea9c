#!/usr/bin/env node
// Copies what the bundle cannot hold into <out>/: ast-grep's native packages (Linux x64 binaries only, the
// platform of GitHub-hosted Linux runners) under node_modules/, and the built-in rule packs (YAML only) under
// rules/. Usage: node scripts/vendor.mjs <out-dir>. Deterministic: the same inputs give the same files.
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const actionDir = resolve(here, '..');
const out = resolve(actionDir, process.argv[2] ?? 'dist');
const LANGS = ['lang-go', 'lang-java', 'lang-php', 'lang-python', 'lang-ruby'];
const PLATFORM_PREBUILD = 'prebuild-Linux-X64';

function realDir(fromDir, name) {
  const p = join(fromDir, 'node_modules', '@ast-grep', name);
  if (!existsSync(p)) throw new Error(`vendor: @ast-grep/${name} is not installed beside ${fromDir}`);
  return realpathSync(p);
}

/** A package's siblings in pnpm's store live next to it: <store>/node_modules/@ast-grep/<name>. */
function sibling(pkgDir, name) {
  const p = join(dirname(pkgDir), name);
  if (!existsSync(p)) throw new Error(`vendor: @ast-grep/${name} not found beside ${pkgDir}`);
  return realpathSync(p);
}

function copyPackage(src, name, keep) {
  const dest = join(out, 'node_modules', '@ast-grep', name);
  cpSync(src, dest, {
    recursive: true,
    dereference: true,
    filter: (p) => keep(relative(src, p).split('\\').join('/')),
  });
}

rmSync(join(out, 'node_modules'), { recursive: true, force: true });
rmSync(join(out, 'rules'), { recursive: true, force: true });

const napi = realDir(actionDir, 'napi');
copyPackage(napi, 'napi', () => true);
copyPackage(sibling(napi, 'napi-linux-x64-gnu'), 'napi-linux-x64-gnu', () => true);
let setupLang;
for (const lang of LANGS) {
  const dir = realDir(actionDir, lang);
  setupLang ??= sibling(dir, 'setup-lang');
  // Grammar sources and other platforms' parsers are not needed at run time.
  copyPackage(dir, lang, (p) => p === '' || !(p.startsWith('src') || (p.startsWith('prebuilds/') && !p.startsWith(`prebuilds/${PLATFORM_PREBUILD}`))));
}
copyPackage(setupLang, 'setup-lang', () => true);

const rulesSrc = resolve(actionDir, '../../packages/sast/rules');
mkdirSync(join(out, 'rules'), { recursive: true });
cpSync(rulesSrc, join(out, 'rules'), {
  recursive: true,
  filter: (p) => statSync(p).isDirectory() || /\.ya?ml$/.test(p),
});
const count = (d) => readdirSync(d, { recursive: true }).length;
console.log(`vendor: ${count(join(out, 'node_modules'))} files of ast-grep, ${count(join(out, 'rules'))} rule files into ${relative(actionDir, out)}`);
