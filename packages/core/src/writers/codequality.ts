import type { Finding } from '../model/finding.js';
import type { ScanRun } from '../model/run.js';
import { toCodeQuality } from '../model/severity.js';
import { joinMapped } from './chunked.js';
import { sortFindings } from './order.js';
import { pseudoPath } from './paths.js';

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: ReturnType<typeof toCodeQuality>;
  location: { path: string; lines: { begin: number } };
}

export function issueOf(f: Finding): CodeQualityIssue {
  const message = [f.message, f.title, f.ruleId].find((t) => t.trim() !== '') ?? f.ruleId;
  const begin = f.location.type === 'source' ? (f.location.startLine ?? 1) : 1;
  return {
    description: f.title.trim() !== '' && f.title !== message ? `${f.title}: ${message}` : message,
    check_name: f.ruleId,
    fingerprint: f.fingerprint,
    severity: toCodeQuality(f.severity),
    // Code Quality wants a file for every issue: lockfiles for packages, and for images and URLs a
    // stable pseudo-path (image repository, host + path) so the widget can still group them.
    location: { path: pseudoPath(f.location), lines: { begin } },
  };
}

/**
 * GitLab Code Quality report (the Code Climate subset GitLab reads). Suppressed findings are left
 * out, since the format cannot mark them; GitLab compares issues between pipelines by fingerprint.
 */
export function renderCodeQuality(run: ScanRun): string {
  const open = sortFindings(run.findings).filter((f) => f.suppression === undefined);
  return `[${joinMapped(open, issueJson, ',')}]\n`;
}

const json = JSON.stringify;

/**
 * Exactly `JSON.stringify(issueOf(f))`, without the object tree (tested on arbitrary findings):
 * reports reach 100,000 issues.
 */
export function issueJson(f: Finding): string {
  const message = f.message.trim() !== '' ? f.message : f.title.trim() !== '' ? f.title : f.ruleId;
  const begin = f.location.type === 'source' ? (f.location.startLine ?? 1) : 1;
  const description = f.title.trim() !== '' && f.title !== message ? `${f.title}: ${message}` : message;
  return `{"description":${json(description)},"check_name":${json(f.ruleId)},"fingerprint":${json(f.fingerprint)},"severity":${json(toCodeQuality(f.severity))},"location":{"path":${json(pseudoPath(f.location))},"lines":{"begin":${json(begin)}}}}`;
}
