import type {
  Confidence,
  FindingKind,
  FlowStep,
  Identifier,
  Location,
  PackageLocation,
  RawFinding,
  Severity,
  SourceLocation,
  Suppression,
  Tool,
  UrlLocation,
} from '../model/finding.js';

/** Tools write 0, -1, fractions or strings for "no line"; only a positive integer is a line. */
export function posInt(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

function compact<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) {
    if (obj[key] === undefined) delete obj[key];
  }
  return obj;
}

function text(v: string | null | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export function sourceLocation(input: {
  path: string;
  startLine?: unknown;
  endLine?: unknown;
  startColumn?: unknown;
  endColumn?: unknown;
  snippet?: string | null | undefined;
}): SourceLocation {
  const startLine = posInt(input.startLine);
  let endLine = posInt(input.endLine);
  // An end before the start is a tool bug; the start alone is still right.
  if (startLine === undefined || (endLine !== undefined && endLine < startLine)) endLine = undefined;
  // Built key by key in the order of the type rather than with `compact`: `delete` leaves a slow
  // dictionary object, and every writer reads (and serialises) these 100,000 times in a large report.
  const out: SourceLocation = { type: 'source', path: input.path };
  if (startLine !== undefined) out.startLine = startLine;
  if (endLine !== undefined) out.endLine = endLine;
  if (startLine !== undefined) {
    const startColumn = posInt(input.startColumn);
    if (startColumn !== undefined) out.startColumn = startColumn;
    const endColumn = posInt(input.endColumn);
    if (endColumn !== undefined) out.endColumn = endColumn;
  }
  // Tools end snippets with the line break; leading indentation is part of the code and stays.
  const snippet = text(input.snippet)?.replace(/\s+$/, '');
  if (snippet !== undefined) out.snippet = snippet;
  return out;
}

export function urlLocation(input: {
  url: string;
  method?: string | null | undefined;
  param?: string | null | undefined;
  evidence?: string | null | undefined;
}): UrlLocation {
  const method = text(input.method)?.trim().toUpperCase();
  return compact({ type: 'url', url: input.url, method, param: text(input.param), evidence: text(input.evidence) });
}

export function packageLocation(input: {
  name: string;
  version?: string | null | undefined;
  ecosystem?: string | null | undefined;
  purl?: string | null | undefined;
  file?: string | null | undefined;
  image?: string | null | undefined;
  operatingSystem?: string | null | undefined;
}): PackageLocation {
  return compact({
    type: 'package',
    name: input.name,
    version: text(input.version),
    ecosystem: text(input.ecosystem),
    purl: text(input.purl),
    file: text(input.file),
    image: text(input.image),
    operatingSystem: text(input.operatingSystem),
  });
}

export interface FindingInput {
  kind: FindingKind;
  ruleId: string;
  title: string | null | undefined;
  message: string | null | undefined;
  help?: string | null | undefined;
  severity: Severity;
  confidence?: Confidence | undefined;
  identifiers: Identifier[];
  location: Location;
  tool: Tool;
  fix?: { versions?: string[] | undefined; summary?: string | null | undefined } | undefined;
  flow?: FlowStep[] | undefined;
  suppression?: Suppression | undefined;
}

/**
 * A finding with every absent optional field left out rather than set to undefined, so golden files
 * and JSON output stay the same. Title and message fall back on each other and on the rule id,
 * because every writer needs some text.
 */
export function makeFinding(input: FindingInput): RawFinding {
  const title = text(input.title)?.trim() ?? text(input.message)?.trim() ?? input.ruleId;
  const message = text(input.message)?.trim() ?? title;
  const versions = input.fix?.versions?.filter((v) => v.trim() !== '');
  const fix: NonNullable<RawFinding['fix']> = {};
  if (versions && versions.length > 0) fix.versions = [...new Set(versions)];
  const summary = text(input.fix?.summary)?.trim();
  if (summary !== undefined) fix.summary = summary;
  // Key by key in the order of the type, like sourceLocation: no `delete`, and findings.json keeps its key order.
  const out = { kind: input.kind, ruleId: input.ruleId, title, message } as RawFinding;
  const help = text(input.help)?.trim();
  if (help !== undefined) out.help = help;
  out.severity = input.severity;
  if (input.confidence !== undefined) out.confidence = input.confidence;
  out.identifiers = input.identifiers;
  out.location = input.location;
  out.tool = input.tool;
  if (Object.keys(fix).length > 0) out.fix = fix;
  if (input.flow && input.flow.length > 0) out.flow = input.flow;
  if (input.suppression !== undefined) out.suppression = input.suppression;
  return out;
}
