import { z } from 'zod';
import type { FlowStep } from '../../model/finding.js';
import { posInt } from '../build.js';
import { cleanPath } from '../paths.js';
import { optNum } from '../schema.js';

const cliLoc = z.looseObject({
  path: z.string().min(1),
  start: z.looseObject({ line: optNum, col: optNum }).nullish(),
});

/** Semgrep writes trace points as `["CliLoc", [location, content]]`; older versions as a bare location. */
function point(raw: unknown): FlowStep | undefined {
  let loc: unknown = raw;
  let content: unknown;
  if (Array.isArray(raw) && raw[0] === 'CliLoc' && Array.isArray(raw[1])) [loc, content] = raw[1] as unknown[];
  else if (typeof raw === 'object' && raw !== null && 'location' in raw) {
    loc = (raw as { location: unknown }).location;
    content = (raw as { content?: unknown }).content;
  }
  const parsed = cliLoc.safeParse(loc);
  const line = posInt(parsed.data?.start?.line);
  if (!parsed.success || line === undefined) return undefined;
  const column = posInt(parsed.data.start?.col);
  const message = typeof content === 'string' && content.trim() !== '' ? content.trim() : undefined;
  return { path: cleanPath(parsed.data.path), line, ...(column ? { column } : {}), ...(message ? { message } : {}) };
}

const traceSchema = z.looseObject({
  taint_source: z.unknown().optional(),
  intermediate_vars: z.array(z.unknown()).nullish(),
  taint_sink: z.unknown().optional(),
});

/** Source, the variables it passed through, then the sink. */
export function semgrepFlow(trace: unknown): FlowStep[] {
  const parsed = traceSchema.safeParse(trace);
  if (!parsed.success) return [];
  const steps = [point(parsed.data.taint_source), ...(parsed.data.intermediate_vars ?? []).map(point), point(parsed.data.taint_sink)];
  return steps.filter((s): s is FlowStep => s !== undefined);
}
