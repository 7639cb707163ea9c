import { SEVERITIES, bySeverityDesc, countRun, type Finding, type ScanRun } from '@rampart/core';
import type { ReportOutcome } from './run-report.js';

/** The text table a person reads in a terminal or a CI log. */
export function textSummary(outcome: ReportOutcome, cwdRelative: (p: string) => string): string {
  const { run } = outcome;
  const counts = countRun(run);
  const lines: string[] = [];
  const tools = run.tools.map((t) => (t.version ? `${t.name} ${t.version}` : t.name)).join(', ');
  lines.push(`Rampart ${run.scanner}: ${counts.total} finding${counts.total === 1 ? '' : 's'} from ${tools}`);
  lines.push('');
  lines.push('  severity   findings' + (run.baseline ? '   new' : ''));
  for (const s of SEVERITIES) {
    const n = counts.bySeverity[s];
    const fresh = run.baseline ? run.baseline.new.filter((f) => f.severity === s).length : 0;
    lines.push(`  ${s.padEnd(10)} ${String(n).padStart(8)}` + (run.baseline ? ` ${String(fresh).padStart(5)}` : ''));
  }
  if (counts.suppressed > 0) lines.push(`  suppressed ${String(counts.suppressed).padStart(8)}`);
  if (run.baseline) lines.push(`  fixed since baseline: ${run.baseline.fixed.length}`);
  lines.push('');
  const top = topFindings(run, 10);
  if (top.length > 0) {
    lines.push('Top findings:');
    lines.push(...top);
    if (counts.total > top.length) lines.push(`  ... and ${counts.total - top.length} more in the reports`);
    lines.push('');
  }
  for (const n of run.notifications) lines.push(`${n.level}: ${n.message}`);
  if (run.notifications.length > 0) lines.push('');
  lines.push(gateLine(run));
  if (outcome.written.length > 0) {
    lines.push('');
    lines.push(`Reports in ${cwdRelative(outcome.settings.outDir)}:`);
    for (const w of outcome.written) lines.push(`  ${cwdRelative(w)}`);
  }
  return lines.join('\n') + '\n';
}

function where(f: Finding): string {
  const l = f.location;
  if (l.type === 'source') return l.startLine !== undefined ? `${l.path}:${l.startLine}` : l.path;
  if (l.type === 'url') return `${l.method ?? 'GET'} ${l.url}`;
  return `${l.name}${l.version ? `@${l.version}` : ''}${l.file ? ` (${l.file})` : l.image ? ` (${l.image})` : ''}`;
}

/** The most severe unsuppressed findings, one line each, so a terminal shows what to look at first. */
function topFindings(run: ScanRun, max: number): string[] {
  return run.findings
    .filter((f) => !f.suppression)
    .sort(bySeverityDesc)
    .slice(0, max)
    .map((f) => `  ${f.severity.padEnd(9)} ${f.ruleId}  ${where(f)}`);
}

function gateLine(run: ScanRun): string {
  const gate = run.gate;
  if (!gate) return 'Gate: not evaluated';
  const scope = gate.newOnly ? 'new findings' : 'findings';
  if (gate.failOn === 'none') return 'Gate: passed (fail-on none)';
  if (gate.passed) return `Gate: passed (no unsuppressed ${scope} at or above ${gate.failOn})`;
  return `Gate: FAILED: ${gate.causes.length} ${gate.causes.length === 1 ? scope.replace(/s$/, "") : scope} at or above ${gate.failOn}`;
}

export function jsonSummary(outcome: ReportOutcome): string {
  const { run } = outcome;
  const counts = countRun(run);
  const summary = {
    scanner: run.scanner,
    tools: run.tools,
    counts: { ...counts.bySeverity, total: counts.total, new: counts.new, suppressed: counts.suppressed },
    fixed: run.baseline?.fixed.length ?? 0,
    gate: run.gate
      ? {
          passed: run.gate.passed,
          failOn: run.gate.failOn,
          newOnly: run.gate.newOnly,
          causes: run.gate.causes.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, severity: f.severity })),
        }
      : undefined,
    notifications: run.notifications,
    reports: outcome.written,
    exitCode: outcome.exitCode,
  };
  return JSON.stringify(summary, null, 2) + '\n';
}
