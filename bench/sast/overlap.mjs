// Compares peer findings with Rampart's on the same corpus: each peer finding becomes (file, line, class) and
// counts as also reported when Rampart has a finding in that file whose start line is within ±1 of it; "same
// class" further requires one of the Rampart finding's CWEs to be in the class (classes.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BANDIT, ESLINT_SECURITY, classOf, inClass } from './classes.mjs';

/** Rampart findings.json -> Map(path -> [{ line, ruleId, cwes }]), paths relative to the corpus root (Rampart
 * writes them relative to the directory it ran in, `cwd`). */
export function readRampart(file, root, cwd) {
  const byPath = new Map();
  for (const f of JSON.parse(readFileSync(file, 'utf8')).findings) {
    if (f.location?.type !== 'source') continue;
    const cwes = (f.identifiers ?? []).filter((i) => i.type === 'cwe').map((i) => i.value);
    const rel = relativeTo(root, cwd, f.location.path);
    const list = byPath.get(rel) ?? [];
    list.push({ line: f.location.startLine, ruleId: f.ruleId, cwes });
    byPath.set(rel, list);
  }
  return byPath;
}

/** ESLint JSON -> peer findings; fatal messages (files ESLint could not parse) are counted apart. */
export function readEslint(file, root) {
  const findings = [];
  const unparsed = [];
  for (const result of JSON.parse(readFileSync(file, 'utf8'))) {
    const rel = relativeTo(root, root, result.filePath);
    for (const m of result.messages) {
      if (m.fatal || !m.ruleId) unparsed.push(`${rel}:${m.line ?? 0} ${m.message}`);
      else findings.push({ path: rel, line: m.line, rule: m.ruleId, cls: classOf(ESLINT_SECURITY, m.ruleId) });
    }
  }
  return { findings, unparsed };
}

/** Bandit JSON -> peer findings (its paths are relative to `cwd`); files it could not parse are counted apart. */
export function readBandit(file, root, cwd) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const findings = report.results.map((r) => ({
    path: relativeTo(root, cwd, r.filename),
    line: r.line_number,
    rule: `${r.test_id} ${r.test_name}`,
    cls: classOf(BANDIT, r.test_id),
  }));
  const unparsed = (report.errors ?? []).map((e) => `${relativeTo(root, cwd, e.filename)} ${e.reason}`);
  return { findings, unparsed };
}

function relativeTo(root, cwd, file) {
  return path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
}

function near(rampart, finding) {
  return (rampart.get(finding.path) ?? []).filter((r) => Math.abs(r.line - finding.line) <= 1);
}

function sourceLine(root, rel, line, cache) {
  if (!cache.has(rel)) cache.set(rel, readFileSync(path.join(root, rel), 'utf8').split('\n'));
  return (cache.get(rel)[line - 1] ?? '').trim().slice(0, 140);
}

/**
 * Per peer rule: how many findings, how many Rampart also reports (any rule / same class, line ±1), and for the
 * ones it misses a few examples with their source line.
 */
export function compare(peer, rampart, root, examplesPerRule = 6) {
  const rules = new Map();
  const lines = new Map();
  for (const f of peer) {
    const r = rules.get(f.rule) ?? { rule: f.rule, cls: f.cls, count: 0, anyRule: 0, sameClass: 0, missed: [] };
    r.count++;
    const hits = near(rampart, f);
    if (hits.length > 0) r.anyRule++;
    if (hits.some((h) => inClass(f.cls, h.cwes))) r.sameClass++;
    else r.missed.push(f);
    rules.set(f.rule, r);
  }
  const out = [...rules.values()].sort((a, b) => b.count - a.count);
  for (const r of out) {
    // Spread the examples over different packages/files rather than the first few of one file.
    const byFile = new Map();
    for (const m of r.missed) {
      const dir = m.path.split('/').slice(0, 2).join('/');
      if (!byFile.has(dir)) byFile.set(dir, m);
    }
    r.examples = [...byFile.values()]
      .slice(0, examplesPerRule)
      .map((m) => ({ at: `${m.path}:${m.line}`, code: sourceLine(root, m.path, m.line, lines) }));
    r.missedCount = r.missed.length;
    delete r.missed;
  }
  const total = { count: peer.length, anyRule: 0, sameClass: 0 };
  for (const r of out) {
    total.anyRule += r.anyRule;
    total.sameClass += r.sameClass;
  }
  return { total, rules: out };
}

/** Rampart findings that no peer finding is near: what Rampart adds, by rule. */
export function rampartOnly(rampart, peer) {
  const peerLines = new Set(peer.map((f) => `${f.path}\0${f.line}`));
  const counts = {};
  let total = 0;
  for (const [p, list] of rampart) {
    for (const r of list) {
      total++;
      const seen = [-1, 0, 1].some((d) => peerLines.has(`${p}\0${r.line + d}`));
      if (!seen) counts[r.ruleId] = (counts[r.ruleId] ?? 0) + 1;
    }
  }
  return { total, notNearPeer: counts };
}
