import type { Finding, PackageLocation } from '../../model/finding.js';
import { normalizePath } from '../../model/fingerprint.js';
import { pseudoPath } from '../paths.js';
import type { GitlabReportType } from './types.js';

/**
 * GitLab's secret detection schema requires a commit. Rampart scans the working tree, not history,
 * so unless the caller knows the commit it uses the all-zero placeholder GitLab's own secrets
 * analyzer writes for that case.
 */
export const UNKNOWN_COMMIT = '0000000';

function sourceLocation(f: Finding): Record<string, unknown> {
  const l = f.location;
  if (l.type !== 'source') return { file: pseudoPath(l) };
  const out: Record<string, unknown> = { file: normalizePath(l.path) };
  if (l.startLine !== undefined) {
    out['start_line'] = l.startLine;
    out['end_line'] = l.endLine !== undefined && l.endLine >= l.startLine ? l.endLine : l.startLine;
  }
  return out;
}

function urlLocation(f: Finding): Record<string, unknown> {
  const l = f.location;
  if (l.type !== 'url') return {};
  const out: Record<string, unknown> = {};
  try {
    const u = new URL(l.url);
    out['hostname'] = `${u.protocol}//${u.host}`;
    out['path'] = `${u.pathname}${u.search}`;
  } catch {
    out['path'] = l.url;
  }
  if (l.method !== undefined) out['method'] = l.method.toUpperCase();
  if (l.param !== undefined && l.param !== '') out['param'] = l.param;
  return out;
}

function dependencyOf(l: PackageLocation): { package: { name: string }; version: string } {
  return { package: { name: l.name }, version: l.version ?? 'unknown' };
}

export function locationFor(type: GitlabReportType, f: Finding, commitSha: string): Record<string, unknown> {
  const l = f.location;
  switch (type) {
    case 'sast':
      return sourceLocation(f);
    case 'secret_detection':
      return { ...sourceLocation(f), commit: { sha: commitSha } };
    case 'dast':
      return urlLocation(f);
    case 'dependency_scanning':
      if (l.type !== 'package') return { file: pseudoPath(l), dependency: { package: { name: f.ruleId }, version: 'unknown' } };
      return { file: pseudoPath(l), dependency: dependencyOf(l) };
    case 'container_scanning':
      if (l.type !== 'package') return { image: pseudoPath(l), operating_system: 'unknown', dependency: { package: { name: f.ruleId }, version: 'unknown' } };
      return {
        dependency: dependencyOf(l),
        operating_system: l.operatingSystem !== undefined && l.operatingSystem !== '' ? l.operatingSystem : 'unknown',
        image: l.image !== undefined && l.image !== '' ? l.image : pseudoPath(l),
      };
  }
}
