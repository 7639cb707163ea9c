import { UserError } from '../errors.js';
import type { Finding } from '../model/finding.js';
import type { BaselineDiff, GateThreshold, GateVerdict } from '../model/run.js';
import { atLeast } from '../model/severity.js';
import { sortFindings } from './order.js';

export const FAIL_ON_VALUES = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

/** Reads a `fail-on` value from a flag, an action input or the config; case does not matter. */
export function parseFailOn(value: unknown, where: { file?: string; field?: string } = {}): FailOn {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  const found = FAIL_ON_VALUES.find((x) => x === v);
  if (found !== undefined) return found;
  throw new UserError(`invalid fail-on value ${JSON.stringify(value) ?? String(value)}`, {
    ...(where.file !== undefined ? { file: where.file } : {}),
    field: where.field ?? 'fail-on',
    expected: `one of ${FAIL_ON_VALUES.join(', ')}`,
  });
}

export interface GateInput {
  findings: readonly Finding[];
  failOn: GateThreshold;
  newOnly: boolean;
  /** The baseline's findings, or a diff already made against it; only read with `newOnly`. */
  baseline?: readonly Finding[] | BaselineDiff;
  /**
   * Per-rule overrides of the threshold, as ZAP's rules.tsv has them: `fail` makes any finding of the rule fail
   * the gate whatever its severity, `warn` lets it never fail it. `fail-on none` still never fails.
   */
  ruleActions?: ReadonlyMap<string, 'fail' | 'warn'>;
}

function isNew(baseline: GateInput['baseline']): (f: Finding) => boolean {
  // Without a baseline there is nothing to be old relative to: every finding is new.
  if (baseline === undefined) return () => true;
  if (isDiff(baseline)) {
    const fresh = new Set(baseline.new.map((f) => f.fingerprint));
    return (f) => fresh.has(f.fingerprint);
  }
  const old = new Set(baseline.map((f) => f.fingerprint));
  return (f) => !old.has(f.fingerprint);
}

function isDiff(b: readonly Finding[] | BaselineDiff): b is BaselineDiff {
  return !Array.isArray(b);
}

/**
 * The policy gate: fails when an unsuppressed finding is at or above `failOn` (and, with `newOnly`,
 * new relative to the baseline). `none` never fails. The causes are listed most severe first.
 */
export function evaluateGate(input: GateInput): GateVerdict {
  const { failOn, newOnly } = input;
  if (failOn === 'none') return { passed: true, failOn, newOnly, causes: [] };
  const counts = newOnly ? isNew(input.baseline) : () => true;
  const action = (f: Finding) => input.ruleActions?.get(f.ruleId);
  const fails = (f: Finding) => (action(f) === 'fail' ? true : action(f) === 'warn' ? false : atLeast(f.severity, failOn));
  const causes = input.findings.filter((f) => !f.suppression && fails(f) && counts(f));
  return { passed: causes.length === 0, failOn, newOnly, causes: sortFindings(causes) };
}
