import type { Finding, Identifier } from '../model/finding.js';
import { normalizePath } from '../model/fingerprint.js';
import type { ScanRun } from '../model/run.js';
import { joinMapped } from './chunked.js';
import { isoUtc } from './time.js';
import { sortFindings } from './order.js';
import { displayLocation } from './paths.js';
import { escapeXmlAttr, escapeXmlText } from './xml.js';

interface Suite {
  rule: string;
  findings: Finding[];
  skipped: number;
}

/** Findings of one rule share their identifiers list (readers reuse it), so its text is made once. */
const idText = new WeakMap<readonly Identifier[], string>();

function identifiersLine(f: Finding): string {
  let text = idText.get(f.identifiers);
  if (text === undefined) {
    text = `\nIdentifiers: ${f.identifiers.map((i) => i.value).join(', ')}`;
    idText.set(f.identifiers, text);
  }
  return text;
}

function failureBody(f: Finding): string {
  let body = `${f.severity.toUpperCase()} ${f.title}\n${f.message}\nLocation: ${displayLocation(f.location)}\nRule: ${f.ruleId} (${f.tool.name})`;
  if (f.identifiers.length > 0) body += identifiersLine(f);
  if (f.fix?.versions !== undefined && f.fix.versions.length > 0) body += `\nFixed in: ${f.fix.versions.join(', ')}`;
  return body;
}

/** One test case as its three lines; a string rather than lines pushed to a shared array (see joinMapped). */
function testcase(f: Finding): string {
  const file = f.location.type === 'source' ? ` file="${escapeXmlAttr(normalizePath(f.location.path))}"` : '';
  const head = `    <testcase classname="${escapeXmlAttr(f.ruleId)}" name="${escapeXmlAttr(displayLocation(f.location))}"${file}>`;
  const result =
    f.suppression !== undefined
      ? `      <skipped message="${escapeXmlAttr(`suppressed (${f.suppression.kind}): ${f.suppression.reason}`)}"/>`
      : `      <failure message="${escapeXmlAttr(f.title !== '' ? f.title : f.ruleId)}" type="${escapeXmlAttr(f.severity)}">${escapeXmlText(failureBody(f))}</failure>`;
  return `${head}\n${result}\n    </testcase>`;
}

/**
 * JUnit XML for test-report widgets: a suite per rule, a failing case per finding (skipped when
 * suppressed). With no findings it holds one passing case, because GitLab and Jenkins treat an
 * empty report as a broken one.
 */
export function renderJunit(run: ScanRun): string {
  const suites = new Map<string, Suite>();
  for (const f of sortFindings(run.findings)) {
    let s = suites.get(f.ruleId);
    if (s === undefined) {
      s = { rule: f.ruleId, findings: [], skipped: 0 };
      suites.set(f.ruleId, s);
    }
    s.findings.push(f);
    if (f.suppression !== undefined) s.skipped += 1;
  }
  const ordered = [...suites.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const timestamp = isoUtc(run.startedAt, 'startedAt').slice(0, 19);
  isoUtc(run.finishedAt, 'finishedAt');
  const seconds = Math.max(0, (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(3);
  const total = run.findings.length;
  const skipped = ordered.reduce((n, s) => n + s.skipped, 0);
  const name = escapeXmlAttr(`rampart ${run.scanner}`);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (ordered.length === 0) {
    out.push(`<testsuites name="${name}" tests="1" failures="0" errors="0" skipped="0" time="${seconds}">`);
    out.push(`  <testsuite name="${name}" tests="1" failures="0" errors="0" skipped="0" time="${seconds}" timestamp="${timestamp}">`);
    out.push(`    <testcase classname="${name}" name="no findings"/>`);
    out.push('  </testsuite>');
  } else {
    out.push(`<testsuites name="${name}" tests="${total}" failures="${total - skipped}" errors="0" skipped="${skipped}" time="${seconds}">`);
    for (const s of ordered) {
      const n = s.findings.length;
      out.push(`  <testsuite name="${escapeXmlAttr(s.rule)}" tests="${n}" failures="${n - s.skipped}" errors="0" skipped="${s.skipped}" timestamp="${timestamp}">`);
      out.push(joinMapped(s.findings, testcase, '\n'));
      out.push('  </testsuite>');
    }
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
