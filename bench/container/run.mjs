#!/usr/bin/env node
// Container benchmark: `rampart container` on a real Debian bookworm image (debootstrap, packed as a `docker save`
// archive with gzip layers), matched against a local offline OSV mirror, next to the floor: `tar -tzf` of the same
// layers, which only decompresses and lists them. A second image, twice the size (the root again in a second
// layer), shows whether memory grows with the image. Wall time and peak RSS come from GNU time; --runs runs each
// and keeps the best.
//
// Usage: node bench/container/run.mjs [--runs 3] [--root <debootstrap dir>]
// The root defaults to the container tests' cache ($TMPDIR/rampart-debootstrap-cache/bookworm/root); without it, run
// `debootstrap --variant=minbase bookworm <dir> http://deb.debian.org/debian` first (as root).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const work = path.join(here, '.work');
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const runs = Number(opt('--runs', '3'));
const root = path.resolve(opt('--root', path.join(process.env.TMPDIR ?? tmpdir(), 'rampart-debootstrap-cache/bookworm/root')));
const rampart = path.join(repo, 'packages/cli/dist/bin.js');

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A `docker save` archive (Docker 25+ layout) of gzip layers, written with tar(1) so the bench needs no build. */
function dockerSave(name, layers) {
  const dir = path.join(work, `${name}.d`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'blobs/sha256'), { recursive: true });
  const diffIds = [];
  const blobs = [];
  for (const [i, layer] of layers.entries()) {
    const plain = path.join(work, `${name}-l${i}.tar`);
    sh('tar', ['-cf', plain, '-C', layer.dir, ...layer.entries]);
    diffIds.push(`sha256:${sha256(plain)}`);
    sh('gzip', ['-f', '-1', plain]);
    const hex = sha256(`${plain}.gz`);
    sh('mv', [`${plain}.gz`, path.join(dir, 'blobs/sha256', hex)]);
    blobs.push(`blobs/sha256/${hex}`);
  }
  const config = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds }, config: {} });
  const configHex = createHash('sha256').update(config).digest('hex');
  writeFileSync(path.join(dir, 'blobs/sha256', configHex), config);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify([{ Config: `blobs/sha256/${configHex}`, RepoTags: [`bench/${name}:1`], Layers: blobs }]));
  const out = path.join(work, `${name}.tar`);
  sh('tar', ['-cf', out, '-C', dir, 'manifest.json', 'blobs']);
  return { out, blobs: blobs.map((b) => path.join(dir, b)) };
}

/**
 * A mirror of synthetic Debian:12 advisories, one per installed package, half of them affecting the installed
 * version: real OSV shape, made up content, so the timing includes real matching work. No real Debian records are
 * available offline here; the ground-truth tests use real records of other ecosystems.
 */
function mirror() {
  const cache = path.join(work, 'osv-cache');
  const status = readFileSync(path.join(root, 'var/lib/dpkg/status'), 'utf8');
  const pkgs = [...status.matchAll(/^Package: (.+)\n(?:.+\n)*?Version: (.+)$/gm)].map((m) => ({ name: m[1], version: m[2] }));
  const records = pkgs.map((p, i) => ({
    id: `BENCH-DEB-${i}`, modified: '2026-01-01T00:00:00Z', summary: `synthetic advisory for ${p.name}`,
    affected: [{ package: { ecosystem: 'Debian:12', name: p.name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: i % 2 ? `${p.version}+1` : '0:0' }] }] }],
  }));
  const dir = path.join(work, 'bucket/Debian');
  mkdirSync(dir, { recursive: true });
  const recDir = path.join(work, 'records');
  rmSync(recDir, { recursive: true, force: true });
  mkdirSync(recDir);
  for (const r of records) writeFileSync(path.join(recDir, `${r.id}.json`), JSON.stringify(r));
  rmSync(path.join(dir, 'all.zip'), { force: true });
  sh('zip', ['-q', '-r', path.join(dir, 'all.zip'), '.'], { cwd: recDir });
  return { cache, bucket: path.join(work, 'bucket'), count: records.length };
}

/** Best wall seconds and the peak RSS (MB) of that run, via GNU time. */
function timed(cmd, args, options = {}) {
  let best;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
    const last = r.stderr.trim().split('\n').pop() ?? '';
    const [secs, kb] = last.split(' ').map(Number);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(-500)}`);
    if (!best || secs < best.secs) best = { secs, mb: kb / 1024 };
  }
  return best;
}

if (!existsSync(path.join(root, 'var/lib/dpkg/status'))) {
  console.error(`no debootstrap root at ${root}: run the container tests once, or debootstrap it and pass --root`);
  process.exit(2);
}
mkdirSync(work, { recursive: true });
const small = dockerSave('bookworm', [{ dir: root, entries: ['.'] }]);
// Twice the bytes: the same root again, under /opt/copy, in a second layer.
const copyRoot = path.join(work, 'copy-root');
rmSync(copyRoot, { recursive: true, force: true });
mkdirSync(path.join(copyRoot, 'opt'), { recursive: true });
sh('cp', ['-a', root, path.join(copyRoot, 'opt/copy')]);
const large = dockerSave('bookworm-x2', [{ dir: root, entries: ['.'] }, { dir: copyRoot, entries: ['.'] }]);
const db = mirror();
// Serve the bucket over HTTP on 127.0.0.1 from a child node process, and pull it as `rampart db pull` would.
const serverJs = `const http=require('http'),fs=require('fs'),path=require('path');const root=process.argv[1];
http.createServer((q,r)=>{const f=path.join(root,decodeURIComponent(q.url.split('?')[0]));if(!f.startsWith(root)||!fs.existsSync(f)){r.writeHead(404);return r.end();}
const b=fs.readFileSync(f);r.writeHead(200,{'content-length':b.length});r.end(b);}).listen(0,'127.0.0.1',function(){console.log(this.address().port)});`;
const { spawn } = await import('node:child_process');
const child = spawn('node', ['-e', serverJs, db.bucket], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
try {
  sh('node', [rampart, 'db', 'pull', '--ecosystem', 'Debian', '--cache-dir', db.cache, '--osv-bucket', `http://127.0.0.1:${port}`]);
} finally {
  child.kill();
}

const results = [];
for (const image of [small, large]) {
  const floor = timed('sh', ['-c', image.blobs.map((b) => `tar -tzf ${JSON.stringify(b)} > /dev/null`).join(' && ')]);
  const ours = timed('node', [rampart, 'container', '--tar', image.out, '--offline', '--cache-dir', db.cache, '--fail-on', 'none', '--formats', 'json', '--out-dir', path.join(work, 'out'), '--json']);
  const summary = JSON.parse(readFileSync(path.join(work, 'out/findings.json'), 'utf8'));
  results.push({ image: path.basename(image.out), floor, ours, findings: summary.findings.length });
}
const mb = (x) => x.toFixed(0);
console.log(`synthetic Debian:12 mirror: ${db.count} advisories (best of ${runs} runs)`);
console.log('image               layers  floor (tar -tzf)   rampart container   ratio   peak RSS   findings');
for (const r of results) {
  console.log(`${r.image.padEnd(20)}${String(r.image.includes('x2') ? 2 : 1).padStart(6)}  ${r.floor.secs.toFixed(2).padStart(9)} s        ${r.ours.secs.toFixed(2).padStart(9)} s      ${(r.ours.secs / r.floor.secs).toFixed(2).padStart(5)}x  ${mb(r.ours.mb).padStart(6)} MB  ${String(r.findings).padStart(8)}`);
}
const [a, b] = results;
console.log(`memory, image twice the size: ${(b.ours.mb / a.ours.mb).toFixed(2)}x`);
