#!/usr/bin/env node
// SAST benchmark: Rampart and its peer on the same corpus in one run (eslint + eslint-plugin-security for
// JavaScript, Bandit for Python). Each tool runs --runs times, alternating which goes first; the best wall time and
// the peak RSS of that run (GNU time's maximum resident set size) are reported with the ratio peer / Rampart, then
// the finding counts and the overlap (overlap.mjs). Run bench/sast/setup.sh first.
//
// Usage: node bench/sast/run.mjs [--lang js,py] [--runs 3] [--out bench/sast/.work/results] [--analyze]
// --analyze skips the timed runs and compares the findings already in --out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, rampartOnly, readBandit, readEslint, readRampart } from './overlap.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const work = path.join(here, '.work');
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const langs = opt('--lang', 'js,py').split(',');
const analyzeOnly = argv.includes('--analyze');
const runs = analyzeOnly ? 0 : Number(opt('--runs', '3'));
const out = path.resolve(opt('--out', path.join(work, 'results')));
const rampartBin = path.join(repo, 'packages/cli/dist/bin.js');

/** The commands, with the corpus and output paths as they are run (cwd is bench/sast for every one). */
function commands(lang) {
  const corpus = `.work/corpus/${lang}`;
  const rampart = ['node', [rampartBin, 'sast', corpus, '--only', lang, '--fail-on', 'none',
    '--out-dir', path.join(out, `rampart-${lang}`), '--formats', 'json']];
  if (lang === 'js') {
    return { corpus, rampart, peerName: `eslint ${version('.work/tools/node_modules/.bin/eslint', ['--version'])} + eslint-plugin-security ${pkgVersion('eslint-plugin-security')}`,
      peer: ['.work/tools/node_modules/.bin/eslint', ['-c', 'eslint.config.mjs', '--no-inline-config', '--format', 'json',
        '-o', path.join(out, 'eslint.json'), corpus]] };
  }
  return { corpus, rampart, peerName: `bandit ${version('bandit', ['--version']).split('\n')[0].replace('bandit ', '')}`,
    peer: ['bandit', ['-r', corpus, '-f', 'json', '-o', path.join(out, 'bandit.json'), '-q']] };
}

function version(cmd, args) {
  return spawnSync(cmd, args, { cwd: here, encoding: 'utf8' }).stdout.trim();
}

function pkgVersion(name) {
  return JSON.parse(readFileSync(path.join(work, 'tools/node_modules', name, 'package.json'), 'utf8')).version;
}

/** Runs one command under /usr/bin/time; returns wall seconds and peak RSS in MiB. */
function measure([cmd, args], okCodes) {
  const timeFile = path.join(out, `.time-${process.pid}`);
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, cmd, ...args], {
    cwd: here, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (!okCodes.includes(r.status)) {
    throw new Error(`${cmd} exited ${r.status}: ${(r.stderr ?? '').slice(-2000)}`);
  }
  const rssKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
  return { wall, rssMiB: rssKb / 1024 };
}

const best = (ms) => ms.reduce((a, b) => (b.wall < a.wall ? b : a));
const fmt = (m) => `${m.wall.toFixed(1)} s, ${m.rssMiB.toFixed(0)} MiB`;

function benchLang(lang) {
  const c = commands(lang);
  const root = path.join(here, c.corpus);
  const sizes = JSON.parse(readFileSync(path.join(work, 'corpus/sizes.json'), 'utf8'))[lang];
  console.log(`\n## ${lang}: ${sizes.files} files, ${sizes.lines} lines (${c.corpus}); peer: ${c.peerName}`);
  const show = ([cmd, args]) => [cmd, ...args].map((a) => a.replace(`${repo}/`, '')).join(' ');
  console.log(`rampart: ${show(c.rampart)}\npeer:    ${show(c.peer)}   (cwd bench/sast)`);
  const r = [];
  const p = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the order so that neither tool always runs on a cold page cache or after the other's heat.
    const order = i % 2 === 0 ? ['rampart', 'peer'] : ['peer', 'rampart'];
    for (const who of order) {
      const m = who === 'rampart' ? measure(c.rampart, [0]) : measure(c.peer, [0, 1]);
      (who === 'rampart' ? r : p).push(m);
      console.log(`  run ${i + 1} ${who.padEnd(7)} ${fmt(m)}`);
    }
  }
  const [rb, pb] = runs > 0 ? [best(r), best(p)] : [undefined, undefined];
  if (runs > 0) console.log(`best of ${runs}: rampart ${fmt(rb)}; peer ${fmt(pb)}; ratio peer/rampart ${(pb.wall / rb.wall).toFixed(2)}x`);

  const rampart = readRampart(path.join(out, `rampart-${lang}`, 'findings.json'), root, here);
  const peer = lang === 'js' ? readEslint(path.join(out, 'eslint.json'), root) : readBandit(path.join(out, 'bandit.json'), root, here);
  const overlap = compare(peer.findings, rampart, root);
  const extra = rampartOnly(rampart, peer.findings);
  console.log(`findings: rampart ${extra.total}, peer ${peer.findings.length} (+${peer.unparsed.length} files the peer could not parse)`);
  console.log(`peer findings Rampart also reports (line ±1): any rule ${overlap.total.anyRule}, same class ${overlap.total.sameClass}`);
  console.log('peer rule                                     class                 count  any  same  missed');
  for (const o of overlap.rules) {
    console.log(`${o.rule.padEnd(48)}${o.cls.padEnd(22)}${String(o.count).padStart(5)}${String(o.anyRule).padStart(5)}${String(o.sameClass).padStart(6)}${String(o.missedCount).padStart(8)}`);
  }
  return { lang, corpus: sizes, commands: { rampart: show(c.rampart), peer: show(c.peer) }, peerName: c.peerName,
    runs: { rampart: r, peer: p }, best: runs > 0 ? { rampart: rb, peer: pb, ratio: pb.wall / rb.wall } : undefined,
    findings: { rampart: extra.total, peer: peer.findings.length, peerUnparsed: peer.unparsed },
    overlap, rampartNotNearPeer: extra.notNearPeer };
}

mkdirSync(out, { recursive: true });
const nodeVersion = process.version;
const results = { date: new Date().toISOString(), node: nodeVersion, cores: (await import('node:os')).cpus().length, langs: [] };
for (const lang of langs) results.langs.push(benchLang(lang));
rmSync(path.join(out, `.time-${process.pid}`), { force: true });
const name = `summary-${langs.join('-')}${analyzeOnly ? '-analysis' : ''}.json`;
writeFileSync(path.join(out, name), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nfull results (examples of missed findings included): ${path.join(out, name)}`);
