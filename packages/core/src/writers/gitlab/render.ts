import type { Finding, FindingKind, Tool } from '../../model/finding.js';
import type { ScanRun } from '../../model/run.js';
import { joinMapped } from '../chunked.js';
import { sortFindings } from '../order.js';
import { pseudoPath } from '../paths.js';
import { gitlabTime } from '../time.js';
import { toolSlug } from './identifiers.js';
import { UNKNOWN_COMMIT } from './locations.js';
import { packageManagerOf } from './package-manager.js';
import type { GitlabDependencyFile, GitlabReportType, GitlabScan, GitlabVendorRef } from './types.js';
import { vulnerabilityJson } from './vulnerability.js';

export const GITLAB_SCHEMA_VERSION = '15.0.7';

/**
 * Which report each kind goes to. License findings have no GitLab security report (GitLab reads
 * licenses from the CycloneDX SBOM), so they appear only in the other formats.
 */
const REPORT_OF: Record<FindingKind, GitlabReportType | undefined> = {
  sast: 'sast',
  iac: 'sast',
  secret: 'secret_detection',
  dast: 'dast',
  dependency: 'dependency_scanning',
  container: 'container_scanning',
  license: undefined,
};

const FILE_OF: Record<GitlabReportType, string> = {
  sast: 'gl-sast-report.json',
  secret_detection: 'gl-secret-detection-report.json',
  dast: 'gl-dast-report.json',
  dependency_scanning: 'gl-dependency-scanning-report.json',
  container_scanning: 'gl-container-scanning-report.json',
};

const SCHEMA_FILE: Record<GitlabReportType, string> = {
  sast: 'sast-report-format.json',
  secret_detection: 'secret-detection-report-format.json',
  dast: 'dast-report-format.json',
  dependency_scanning: 'dependency-scanning-report-format.json',
  container_scanning: 'container-scanning-report-format.json',
};

const TYPE_ORDER: GitlabReportType[] = ['sast', 'secret_detection', 'dast', 'dependency_scanning', 'container_scanning'];

export interface GitlabOptions {
  /** The scanned commit, for the secret detection report's required `location.commit.sha`. */
  commitSha?: string;
  /** Rampart's own version for `scan.analyzer.version`; default: the `rampart` tool's version in the run. */
  analyzerVersion?: string;
  /**
   * Report types to write even with no findings, so GitLab marks earlier findings as resolved. By
   * default the type that the run's scanner name implies (`sast`, `dast`, `container`, `deps`).
   */
  reportTypes?: GitlabReportType[];
}

const TYPES_OF_SCANNER: Record<string, GitlabReportType[]> = {
  sast: ['sast'],
  dast: ['dast'],
  container: ['container_scanning'],
  deps: ['dependency_scanning'],
};

function vendorRef(tool: Tool, vendor: string): GitlabVendorRef {
  return { id: toolSlug(tool.name), name: tool.name, version: tool.version.trim() !== '' ? tool.version : 'unknown', vendor: { name: vendor } };
}

/** The scanner is the tool with the most findings in this report (ties by name); the analyzer is Rampart. */
function scannerOf(findings: readonly Finding[], run: ScanRun): Tool {
  const counts = new Map<string, { tool: Tool; n: number }>();
  for (const f of findings) {
    const c = counts.get(f.tool.name);
    if (c === undefined) counts.set(f.tool.name, { tool: f.tool, n: 1 });
    else c.n += 1;
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || (a.tool.name < b.tool.name ? -1 : 1))[0];
  return best?.tool ?? run.tools[0] ?? { name: 'rampart', version: '' };
}

function analyzerOf(run: ScanRun, opts: GitlabOptions): GitlabVendorRef {
  const own = opts.analyzerVersion ?? run.tools.find((t) => t.name.toLowerCase() === 'rampart')?.version;
  return { id: 'rampart', name: 'Rampart', version: own !== undefined && own !== '' ? own : 'unknown', vendor: { name: 'Rampart' } };
}

function scanOf(type: GitlabReportType, run: ScanRun, findings: readonly Finding[], opts: GitlabOptions): GitlabScan {
  const failed = run.notifications.some((n) => n.level === 'error');
  const scanner = scannerOf(findings, run);
  const scan: GitlabScan = {
    analyzer: analyzerOf(run, opts),
    scanner: vendorRef(scanner, scanner.name),
    type,
    status: failed ? 'failure' : 'success',
    start_time: gitlabTime(run.startedAt, 'startedAt'),
    end_time: gitlabTime(run.finishedAt, 'finishedAt'),
  };
  if (run.notifications.length > 0) {
    const level = { error: 'fatal', warning: 'warn', note: 'info' } as const;
    scan.messages = run.notifications.map((n) => ({ level: level[n.level], value: n.message }));
  }
  if (type === 'dast') scan.scanned_resources = scannedResources(run, findings);
  return scan;
}

function scannedResources(run: ScanRun, findings: readonly Finding[]): NonNullable<GitlabScan['scanned_resources']> {
  const seen = new Map<string, { method: string; url: string }>();
  const add = (method: string, url: string): void => {
    const m = method.toUpperCase();
    seen.set(`${m} ${url}`, { method: m, url });
  };
  if (run.scannedResources !== undefined) for (const r of run.scannedResources) add(r.method, r.url);
  else for (const f of findings) if (f.location.type === 'url') add(f.location.method ?? 'GET', f.location.url);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => ({ ...r, type: 'url' as const }));
}

function dependencyFiles(findings: readonly Finding[]): GitlabDependencyFile[] {
  const files = new Map<string, { ecosystem: string | undefined; deps: Map<string, { package: { name: string }; version: string }> }>();
  for (const f of findings) {
    if (f.location.type !== 'package') continue;
    const path = pseudoPath(f.location);
    let file = files.get(path);
    if (file === undefined) {
      file = { ecosystem: f.location.ecosystem, deps: new Map() };
      files.set(path, file);
    }
    const version = f.location.version ?? 'unknown';
    file.deps.set(`${f.location.name}\0${version}`, { package: { name: f.location.name }, version });
  }
  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, file]) => ({
      path,
      package_manager: packageManagerOf(path, file.ecosystem),
      dependencies: [...file.deps.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d),
    }));
}

/**
 * The report as JSON: `{version, schema, scan, vulnerabilities, dependency_files?}` in that key order,
 * compact like the SARIF (these reach tens of megabytes and only machines read them). Each
 * vulnerability is written as a string rather than an object tree; see `vulnerabilityJson`.
 */
function reportJson(type: GitlabReportType, run: ScanRun, findings: readonly Finding[], opts: GitlabOptions): string {
  const commitSha = opts.commitSha ?? UNKNOWN_COMMIT;
  const schema = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/${SCHEMA_FILE[type]}`;
  const vulnerabilities = joinMapped(findings, (f) => vulnerabilityJson(type, f, commitSha), ',');
  const deps = type === 'dependency_scanning' ? `,"dependency_files":${JSON.stringify(dependencyFiles(findings))}` : '';
  return `{"version":${JSON.stringify(GITLAB_SCHEMA_VERSION)},"schema":${JSON.stringify(schema)},"scan":${JSON.stringify(scanOf(type, run, findings, opts))},"vulnerabilities":[${vulnerabilities}]${deps}}`;
}

/**
 * GitLab security reports (schema 15.0.7), one file per report type that has findings. Suppressed
 * findings are left out: the format has no suppression field, and listing them would reopen them;
 * a type whose findings are all suppressed still gets an (empty) report, so GitLab resolves them.
 * A DAST run with scanned resources but no findings still gets its report, so GitLab sees the scan.
 */
export function renderGitlab(run: ScanRun, opts: GitlabOptions = {}): { name: string; content: string }[] {
  const byType = new Map<GitlabReportType, Finding[]>();
  for (const f of sortFindings(run.findings)) {
    const type = REPORT_OF[f.kind];
    if (type === undefined) continue;
    let list = byType.get(type);
    if (list === undefined) {
      list = [];
      byType.set(type, list);
    }
    if (f.suppression === undefined) list.push(f);
  }
  const always = opts.reportTypes ?? TYPES_OF_SCANNER[run.scanner] ?? [];
  for (const t of always) if (!byType.has(t)) byType.set(t, []);
  if (run.scannedResources !== undefined && run.scannedResources.length > 0 && !byType.has('dast')) byType.set('dast', []);
  return TYPE_ORDER.filter((t) => byType.has(t)).map((type) => ({
    name: FILE_OF[type],
    content: `${reportJson(type, run, byType.get(type) ?? [], opts)}\n`,
  }));
}
