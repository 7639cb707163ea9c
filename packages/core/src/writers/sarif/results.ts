import type { Finding } from '../../model/finding.js';
import { toSarifLevel } from '../../model/severity.js';
import { flowLocation, sarifLocation } from './locations.js';
import type { SarifResult, SarifSuppression } from './types.js';

export const FINGERPRINT_KEY = 'rampart/v1';

function suppressionOf(f: Finding): SarifSuppression[] | undefined {
  const s = f.suppression;
  if (s === undefined) return undefined;
  const expires = s.expires !== undefined ? ` (until ${s.expires})` : '';
  return [
    {
      kind: s.kind === 'inline' ? 'inSource' : 'external',
      status: 'accepted',
      justification: `${s.reason}${expires}`,
    },
  ];
}

export interface ResultContext {
  srcRoot: string | undefined;
  ruleIndex: Map<string, number>;
  /** Set when the run has a baseline; holds the fingerprints of new findings. */
  newSet: Set<string> | undefined;
}

export function sarifResult(f: Finding, ctx: ResultContext): SarifResult {
  const text = [f.message, f.title, f.ruleId].find((t) => t.trim() !== '') ?? 'Finding without a message';
  const result: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex: ctx.ruleIndex.get(f.ruleId) ?? 0,
    level: toSarifLevel(f.severity),
    message: { text },
    locations: [sarifLocation(f.location, ctx.srcRoot)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
  };
  if (f.flow !== undefined && f.flow.length > 0) {
    const locations = f.flow.map((step) => ({ location: flowLocation(step, ctx.srcRoot) }));
    result.codeFlows = [{ threadFlows: [{ locations }] }];
  }
  const suppressions = suppressionOf(f);
  if (suppressions !== undefined) result.suppressions = suppressions;
  if (ctx.newSet !== undefined) result.baselineState = ctx.newSet.has(f.fingerprint) ? 'new' : 'unchanged';
  return result;
}
