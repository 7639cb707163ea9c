import type { Confidence, FindingKind, Identifier, RawFinding, Tool } from '../../model/finding.js';
import { makeFinding, sourceLocation, urlLocation } from '../build.js';
import { parseEntry, type EntryResult } from '../schema.js';
import { maskSecret } from '../secrets.js';
import type { ReadResult, SkippedEntry } from '../types.js';
import { isSarifResult } from './check.js';
import { isLockfile } from '../paths.js';
import { confidenceOf, helpOf, identifiersOf, messageOf, ruleKind, severityOf, suppressionOf, titleOf } from './classify.js';
import { flowOf, regionOf, resolveArtifact, uriContext, type UriContext } from './locations.js';
import { ruleFor, ruleTable, ruleTags, type RuleTable } from './rules.js';
import { resultSchema, runSchema, type SarifResult, type SarifRule } from './schema.js';

/** What a finding takes from its rule alone; the same for every result of the rule. */
interface RuleFacts {
  /** The kind unless the result is on a lockfile and `advisory` is set (see ruleKind). */
  kind: FindingKind;
  advisory: boolean;
  title: string;
  help: string | undefined;
  confidence: Confidence | undefined;
  identifiers: Identifier[];
}

interface RunContext {
  tool: Tool;
  rules: RuleTable;
  uris: UriContext;
  runHasImage: boolean;
  /** Per rule object (or none), then per rule id: a log has few rules and many results. */
  facts: Map<SarifRule | undefined, Map<string, RuleFacts>>;
}

function factsOf(run: RunContext, ruleId: string, rule: SarifRule | undefined): RuleFacts {
  let byId = run.facts.get(rule);
  if (byId === undefined) {
    byId = new Map();
    run.facts.set(rule, byId);
  }
  let facts = byId.get(ruleId);
  if (facts === undefined) {
    // The identifiers array is shared by the findings of one rule; nothing downstream mutates findings.
    facts = {
      ...ruleKind({ toolName: run.tool.name, ruleId, tags: ruleTags(rule), runHasImage: run.runHasImage }),
      title: titleOf(ruleId, rule),
      help: helpOf(rule),
      confidence: confidenceOf(rule),
      identifiers: identifiersOf(ruleId, rule),
    };
    byId.set(ruleId, facts);
  }
  return facts;
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
  const facts = factsOf(run, ruleId, rule);
  const kind =
    where.target.type === 'url' ? 'dast' : facts.advisory && path !== undefined && isLockfile(path) ? 'dependency' : facts.kind;
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
    title: facts.title,
    message: messageOf(result, rule),
    help: facts.help,
    severity: severityOf(result, rule, kind),
    confidence: facts.confidence,
    identifiers: facts.identifiers,
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
      facts: new Map(),
    };
    (run.results ?? []).forEach((rawResult, i) => {
      const entry = `runs[${r}].results[${i}]`;
      // The schema is run only on a result the quick check rejects, for its error message.
      const parsed = isSarifResult(rawResult) ? { ok: true as const, data: rawResult } : parseEntry(resultSchema, rawResult, entry, 'result');
      const read = parsed.ok ? readResult(parsed.data, ctx, entry) : parsed;
      if (!read.ok) skipped.push(read.skipped);
      else if (read.data) findings.push(read.data);
    });
  });
  return { findings, tools, skipped };
}
