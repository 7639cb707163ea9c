#!/usr/bin/env node
// DAST benchmark: Rampart's built-in engine (full mode) and Wapiti against the same deliberately vulnerable app
// (packages/dast/test/apps/vulnerable.ts: real sql.js SQL, fs, child_process, redirect and fetch routes) in one run.
// Prints each tool's wall time, the requests the app received from it (counted at the app by User-Agent, so the
// app's own fetches are not counted) and the vulnerability classes and places each found.
//
// Usage: node bench/dast/run.mjs [--app vulnerable|hardened] [--rate 200] [--modules xss,sql,...]
// --app hardened scans the fixed twin instead (packages/dast/test/apps/hardened.ts): every finding there is a false
// positive of the tool that reports it.
// Needs: apt-get install -y wapiti; the repo's node_modules (esbuild bundles the TypeScript app and engine into
// bench/dast/.work, so no TypeScript runner is needed).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SHARED_CLASSES, rampartFound, wapitiFound } from './classes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const work = path.join(here, '.work');
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const rate = Number(opt('--rate', '200'));
const appName = opt('--app', 'vulnerable');
const modules = opt('--modules', 'xss,permanentxss,sql,blindsql,file,exec,redirect,ssrf,crlf,http_headers,cookieflags,csp,csrf');

/** Bundles the vulnerable app and the engine (TypeScript sources) into one ESM file with sql.js's wasm beside it. */
function build() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const entry = [
    "export { vulnerableApp } from '../../packages/dast/test/apps/vulnerable.ts';",
    "export { hardenedApp } from '../../packages/dast/test/apps/hardened.ts';",
    "export { builtinEngine, startCanaryListener } from '../../packages/dast/src/index.ts';",
  ].join('\n');
  const banner = "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __fu(new URL('.', import.meta.url));";
  const r = spawnSync(path.join(repo, 'node_modules/.bin/esbuild'), [
    '--bundle', '--platform=node', '--format=esm', '--target=node20', '--conditions=@rampart/source', '--loader=ts',
    `--sourcefile=${path.join(here, 'entry.ts')}`, `--banner:js=${banner}`, `--outfile=${path.join(work, 'targets.mjs')}`, '--log-level=warning',
  ], { input: entry, cwd: here, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
  const sqlJs = createRequire(path.join(repo, 'packages/dast/package.json')).resolve('sql.js');
  copyFileSync(path.join(path.dirname(sqlJs), 'sql-wasm.wasm'), path.join(work, 'sql-wasm.wasm'));
}

/** Serves a request handler on 127.0.0.1 on a free port. */
async function listen(handler) {
  const server = createServer(handler);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

function wapitiVersion() {
  const r = spawnSync('wapiti', ['--version'], { encoding: 'utf8' });
  return (r.stdout + r.stderr).match(/Wapiti[- ]([\d.]+)/)?.[1] ?? 'unknown';
}

async function main() {
  build();
  // Express shows stack traces unless NODE_ENV is production and logs every error unless it is test: "test" gives the
  // development error pages (what the error-disclosure checks are for) without a stack trace per request on stderr.
  process.env.NODE_ENV = 'test';
  const { vulnerableApp, hardenedApp, builtinEngine, startCanaryListener } = await import(pathToFileURL(path.join(work, 'targets.mjs')).href);
  const counts = { outside: 0 };
  let tool = 'none';
  const outside = await listen((_req, res) => {
    counts.outside++;
    res.end('partner');
  });
  const app = (appName === 'hardened' ? hardenedApp() : vulnerableApp(outside.url))([]);
  const target = await listen((req, res) => {
    // The app's own server-side fetch (its SSRF route previewing itself) is not a request of either tool.
    if (!/^node$|undici/i.test(req.headers['user-agent'] ?? '')) counts[tool] = (counts[tool] ?? 0) + 1;
    app(req, res);
  });
  const canary = await startCanaryListener();
  const results = {};

  tool = 'rampart';
  let started = performance.now();
  const scan = await builtinEngine({ version: 'bench', canary }).scan({
    target: target.url, mode: 'full', include: [], exclude: ['/logout'], headers: {}, maxDurationSeconds: 600, maxDepth: 5,
    maxChildren: 50, requestBudget: 5000, requestsPerSecond: rate, concurrency: 4, rules: new Map(), ajaxSpider: false,
  }, { logger: { debug() {}, info() {}, warn() {}, error() {} }, now: () => new Date() });
  results.rampart = { seconds: (performance.now() - started) / 1000, requests: counts.rampart ?? 0, found: rampartFound(scan.findings), notes: scan.notifications };

  tool = 'wapiti';
  const report = path.join(work, 'wapiti.json');
  const args = ['-u', target.url, '--scope', 'folder', '-m', modules, '-f', 'json', '-o', report, '--flush-session',
    '--store-session', path.join(work, 'wapiti-session'), '--no-bugreport', '-v', '0'];
  // No `-x <logout>`: Wapiti 3.0.4 (Debian 12) builds its exclusion regex with a mid-pattern (?ms), which Python 3.11
  // rejects, so any -x aborts the scan. The app's /logout is harmless; Rampart keeps its exclusion.
  started = performance.now();
  const w = await new Promise((resolve, reject) => {
    const child = spawn('wapiti', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', (e) => reject(new Error(`cannot run wapiti (${e.message}); install it with: apt-get install -y wapiti`)));
    child.on('exit', (code) => resolve(code));
  });
  results.wapiti = { seconds: (performance.now() - started) / 1000, requests: counts.wapiti ?? 0, exit: w, found: wapitiFound(JSON.parse(readFileSync(report, 'utf8'))) };
  tool = 'none';

  await Promise.all([canary.close(), new Promise((r) => target.server.close(r)), new Promise((r) => outside.server.close(r))]);
  print(results, counts.outside, args);
}

function print(results, outsideHits, wapitiArgs) {
  const lines = [];
  const log = (s = '') => lines.push(s);
  log(`target: packages/dast/test/apps/${appName}.ts on 127.0.0.1 (Node ${process.versions.node})`);
  log(`rampart built-in engine, full mode, --rate ${rate}: ${results.rampart.seconds.toFixed(1)} s, ${results.rampart.requests} requests`);
  log(`wapiti ${wapitiVersion()} (-m ${modules}): ${results.wapiti.seconds.toFixed(1)} s, ${results.wapiti.requests} requests, exit ${results.wapiti.exit}`);
  log(`requests to the out-of-scope server linked from the app: ${outsideHits}`);
  log('');
  const classes = [...new Set([...SHARED_CLASSES, ...results.rampart.found.keys(), ...results.wapiti.found.keys()])];
  for (const cls of classes) {
    const r = results.rampart.found.get(cls) ?? new Set();
    const w = results.wapiti.found.get(cls) ?? new Set();
    const shared = SHARED_CLASSES.includes(cls) ? 'both cover' : 'one side only';
    log(`${cls} (${shared}): rampart ${r.size}, wapiti ${w.size}`);
    for (const where of [...new Set([...r, ...w])].sort()) log(`    ${r.has(where) ? 'R' : '-'}${w.has(where) ? 'W' : '-'} ${where}`);
  }
  const only = (a, b) => SHARED_CLASSES.flatMap((cls) => [...(a.get(cls) ?? [])].filter((x) => !b.get(cls)?.has(x)).map((x) => `${cls} ${x}`));
  log('');
  log(`classes both cover, places only wapiti reported: ${only(results.wapiti.found, results.rampart.found).join('; ') || 'none'}`);
  log(`classes both cover, places only rampart reported: ${only(results.rampart.found, results.wapiti.found).length}`);
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(text);
  writeFileSync(path.join(work, `result-${appName}.txt`), text);
  writeFileSync(path.join(work, 'wapiti-command.txt'), `wapiti ${wapitiArgs.join(' ')}\n`);
}

await main();
