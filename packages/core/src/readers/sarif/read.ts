import type { RawFinding, Tool } from '../../model/finding.js';
import { makeFinding, sourceLocation, urlLocation } from '../build.js';
import { parseEntry, type EntryResult } from '../schema.js';
import { maskSecret } from '../secrets.js';
import type { ReadResult, SkippedEntry } from '../types.js';
import { confidenceOf, helpOf, identifiersOf, kindOf, messageOf, severityOf, suppressionOf, titleOf } from './classify.js';
import { flowOf, regionOf, resolveArtifact, uriContext, type UriContext } from './locations.js';
import { ruleFor, ruleTable, ruleTags, type RuleTable } from './rules.js';
import { resultSchema, runSchema, type SarifResult } from './schema.js';

interface RunContext {
  tool: Tool;
  rules: RuleTable;
  uris: UriContext;
  runHasImage: boolean;
}

/** Results that report success or irrelevance are not problems (SARIF §3.27.9). */
const NOT_A_PROBLEM = new Set(['pass', 'notapplicable']);

function locate(result: SarifResult, uris: UriContext) {
  for (const loc of result.locations ?? []) {
    const physical = loc?.physicalLocation;
    if (!physical) continue;
    const target = resolveArtifact(physical.artifactLocation, uris);
    if (target) return { target, region: regionOf(physical) };
  }
  return undefined;
}

function readResult(result: SarifResult, run: RunContext, entry: string): EntryResult<RawFinding | undefined> {
  if (NOT_A_PROBLEM.has(result.kind?.toLowerCase() ?? '')) return { ok: true, data: undefined };
  const rule = ruleFor(result, run.rules);
  const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id;
  if (!ruleId) return { ok: false, skipped: { reason: 'result names no rule (ruleId, rule.id or ruleIndex)', entry } };
  const where = locate(result, run.uris);
  if (!where) return { ok: false, skipped: { reason: 'result has no file or URL location', entry } };
  const path = where.target.type === 'file' ? where.target.path : undefined;
  const kind =
    where.target.type === 'url'
      ? 'dast'
      : kindOf({ toolName: run.tool.name, ruleId, tags: ruleTags(rule), path, runHasImage: run.runHasImage });
  // Secret scanners put the secret itself in the snippet (Gitleaks does).
  const snippet = kind === 'secret' && where.region.snippet ? maskSecret(where.region.snippet.trim()) : where.region.snippet;
  const location =
    where.target.type === 'url'
      ? urlLocation({ url: where.target.url, evidence: snippet })
      : sourceLocation({ path: where.target.path, ...where.region, snippet });
  const flow = flowOf(result.codeFlows, run.uris);
  const finding = makeFinding({
    kind,
    ruleId,
    title: titleOf(ruleId, rule),
    message: messageOf(result, rule),
    help: helpOf(rule),
    severity: severityOf(result, rule, kind),
    confidence: confidenceOf(rule),
    identifiers: identifiersOf(ruleId, rule),
    location,
    tool: run.tool,
    flow,
    suppression: suppressionOf(result),
  });
  return { ok: true, data: finding };
}

export function readSarifRuns(runs: readonly unknown[]): ReadResult {
  const findings: RawFinding[] = [];
  const tools: Tool[] = [];
  const skipped: SkippedEntry[] = [];
  runs.forEach((rawRun, r) => {
    const parsedRun = parseEntry(runSchema, rawRun, `runs[${r}]`, 'run');
    if (!parsedRun.ok) {
      skipped.push(parsedRun.skipped);
      return;
    }
    const run = parsedRun.data;
    const driver = run.tool.driver;
    const tool: Tool = { name: driver.name?.trim() || 'unknown', version: driver.semanticVersion ?? driver.version ?? '' };
    tools.push(tool);
    const ctx: RunContext = {
      tool,
      rules: ruleTable(run),
      uris: uriContext(run),
      runHasImage: typeof run.properties?.['imageName'] === 'string',
    };
    (run.results ?? []).forEach((rawResult, i) => {
      const entry = `runs[${r}].results[${i}]`;
      const parsed = parseEntry(resultSchema, rawResult, entry, 'result');
      const read = parsed.ok ? readResult(parsed.data, ctx, entry) : parsed;
      if (!read.ok) skipped.push(read.skipped);
      else if (read.data) findings.push(read.data);
    });
  });
  return { findings, tools, skipped };
}
