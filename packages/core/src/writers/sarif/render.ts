import { gzipSync } from 'node:zlib';
import type { Finding, Tool } from '../../model/finding.js';
import type { Notification, ScanRun } from '../../model/run.js';
import { newFingerprints, sortFindings } from '../order.js';
import { isoUtc } from '../time.js';
import { driverOf } from './driver.js';
import { capResult, GITHUB_LIMITS, type CapCounts } from './limits.js';
import { SRCROOT } from './locations.js';
import { sarifResult } from './results.js';
import { buildRules } from './rules.js';
import type { SarifLog, SarifNotification, SarifRun } from './types.js';
import { directoryToFileUri } from './uri.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifOptions {
  /** The checkout directory; becomes `originalUriBaseIds.%SRCROOT%` and makes absolute paths relative. */
  srcRoot?: string;
}

export interface SarifOutput {
  files: { name: string; content: string }[];
  notes: Notification[];
}

interface ToolGroup {
  tool: Tool;
  findings: Finding[];
}

/** One group per tool: `run.tools` first, in order (tools without findings too, so GitHub can close their alerts), then any other tool by name. */
function groupByTool(run: ScanRun, sorted: readonly Finding[]): ToolGroup[] {
  const groups = new Map<string, ToolGroup>();
  for (const tool of run.tools) if (!groups.has(tool.name)) groups.set(tool.name, { tool, findings: [] });
  const extra: ToolGroup[] = [];
  for (const f of sorted) {
    let g = groups.get(f.tool.name);
    if (g === undefined) {
      g = { tool: f.tool, findings: [] };
      groups.set(f.tool.name, g);
      extra.push(g);
    }
    g.findings.push(f);
  }
  extra.sort((a, b) => (a.tool.name < b.tool.name ? -1 : 1));
  const ordered = [...groups.values()].filter((g) => !extra.includes(g)).concat(extra);
  return ordered.length > 0 ? ordered : [{ tool: { name: 'rampart', version: '' }, findings: [] }];
}

interface RunContext {
  run: ScanRun;
  srcRoot: string | undefined;
  newSet: Set<string> | undefined;
  category: string;
}

function buildRun(ctx: RunContext, group: ToolGroup, keep: number, inherited: Notification[]): { sarif: SarifRun; notes: Notification[] } {
  const notes: Notification[] = [];
  const kept = group.findings.length > keep ? group.findings.slice(0, keep) : group.findings;
  if (kept.length < group.findings.length) {
    const dropped = group.findings.length - kept.length;
    notes.push({
      level: 'warning',
      message: `SARIF for ${group.tool.name}: kept the ${kept.length} most severe of ${group.findings.length} results and left out ${dropped} to stay within GitHub code scanning limits (${GITHUB_LIMITS.resultsPerRun} results per run, ${GITHUB_LIMITS.gzippedBytesPerFile / 1024 / 1024} MB gzipped per file); findings.json has all of them.`,
    });
  }
  const { rules, indexOf } = buildRules(kept);
  const counts: CapCounts = { locations: 0, flows: 0 };
  const rctx = { srcRoot: ctx.srcRoot, ruleIndex: indexOf, newSet: ctx.newSet };
  const results = kept.map((f) => {
    const r = sarifResult(f, rctx);
    capResult(r, counts);
    return r;
  });
  if (counts.locations > 0) {
    notes.push({ level: 'warning', message: `SARIF for ${group.tool.name}: ${counts.locations} results had more than ${GITHUB_LIMITS.locationsPerResult} locations; the rest were left out.` });
  }
  if (counts.flows > 0) {
    notes.push({ level: 'warning', message: `SARIF for ${group.tool.name}: ${counts.flows} results had code flows longer than ${GITHUB_LIMITS.threadFlowLocationsPerResult} steps; middle steps were left out.` });
  }
  const all = inherited.concat(notes);
  const toolExecutionNotifications: SarifNotification[] = all.map((n) => ({ level: n.level, message: { text: n.message } }));
  const srcRootEntry = ctx.srcRoot !== undefined
    ? { uri: directoryToFileUri(ctx.srcRoot) }
    : { description: { text: 'The root of the scanned checkout.' } };
  const sarif: SarifRun = {
    tool: { driver: { ...driverOf(group.tool), rules } },
    automationDetails: { id: ctx.category },
    invocations: [
      {
        executionSuccessful: !ctx.run.notifications.some((n) => n.level === 'error'),
        startTimeUtc: isoUtc(ctx.run.startedAt, 'startedAt'),
        endTimeUtc: isoUtc(ctx.run.finishedAt, 'finishedAt'),
        toolExecutionNotifications,
      },
    ],
    originalUriBaseIds: { [SRCROOT]: srcRootEntry },
    columnKind: 'utf16CodeUnits',
    results,
  };
  return { sarif, notes };
}

// Compact: SARIF files reach tens of megabytes, and indentation would double both the size and
// the time to write and gzip them. Viewers and GitHub do not care.
function serialize(runs: SarifRun[]): string {
  const log: SarifLog = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs };
  return `${JSON.stringify(log)}\n`;
}

const SAMPLE_BYTES = 1024 * 1024;

/**
 * The gzipped size, or a safe estimate of it. Text under 10 MB cannot gzip to more than 10 MB. For
 * larger text, a 1 MB sample from the middle (results, which dominate) gives the ratio; only when
 * that estimate comes within 30% of the limit is the whole file gzipped to be sure.
 */
function gzippedSize(content: string): number {
  const limit = GITHUB_LIMITS.gzippedBytesPerFile;
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes <= limit) return 0;
  const start = Math.max(0, Math.floor(content.length / 2) - SAMPLE_BYTES / 2);
  const sample = content.slice(start, start + SAMPLE_BYTES);
  const ratio = gzipSync(sample, { level: 1 }).length / Math.max(1, Buffer.byteLength(sample, 'utf8'));
  if (bytes * ratio < limit * 0.7) return Math.ceil(bytes * ratio);
  return gzipSync(content, { level: 1 }).length;
}

function fileName(scanner: string, index: number): string {
  return index === 0 ? `${scanner}.sarif` : `${scanner}.${index + 1}.sarif`;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run per tool, all with the run's category; over 20
 * tools spill into `<scanner>.2.sarif` and on. Runs over GitHub's limits keep their most severe
 * results (they are sorted that way) and say what they left out, in the run and in `notes`.
 * Results past the limit are dropped rather than split into more runs, because GitHub rejects two
 * runs of one tool with one category.
 */
export function renderSarif(run: ScanRun, opts: SarifOptions = {}): SarifOutput {
  const ctx: RunContext = {
    run,
    srcRoot: opts.srcRoot,
    newSet: newFingerprints(run.baseline),
    category: run.category ?? `rampart/${run.scanner}/`,
  };
  const groups = groupByTool(run, sortFindings(run.findings));
  const files: SarifOutput['files'] = [];
  const notes: Notification[] = [];
  for (let start = 0; start < groups.length; start += GITHUB_LIMITS.runsPerFile) {
    const chunk = groups.slice(start, start + GITHUB_LIMITS.runsPerFile);
    const rendered = renderFile(ctx, chunk, start === 0 ? run.notifications : []);
    files.push({ name: fileName(run.scanner, files.length), content: rendered.content });
    notes.push(...rendered.notes);
  }
  if (groups.length > GITHUB_LIMITS.runsPerFile) {
    notes.push({ level: 'note', message: `SARIF: ${groups.length} tools need ${files.length} files (GitHub takes at most ${GITHUB_LIMITS.runsPerFile} runs per file); upload all of them.` });
  }
  return { files, notes };
}

function renderFile(ctx: RunContext, groups: ToolGroup[], inherited: Notification[]): { content: string; notes: Notification[] } {
  const keep = groups.map((g) => Math.min(g.findings.length, GITHUB_LIMITS.resultsPerRun));
  for (;;) {
    const built = groups.map((g, i) => buildRun(ctx, g, keep[i] ?? 0, i === 0 ? inherited : []));
    const content = serialize(built.map((b) => b.sarif));
    const gz = gzippedSize(content);
    const total = keep.reduce((a, b) => a + b, 0);
    if (gz <= GITHUB_LIMITS.gzippedBytesPerFile || total === 0) {
      return { content, notes: built.flatMap((b) => b.notes) };
    }
    // Shrink every run by the overshoot plus a margin; results are roughly alike in size.
    const factor = (GITHUB_LIMITS.gzippedBytesPerFile / gz) * 0.9;
    for (let i = 0; i < keep.length; i++) keep[i] = Math.floor((keep[i] ?? 0) * factor);
  }
}
