import type { SarifResult } from './types.js';

/**
 * GitHub code scanning's hard limits ("SARIF results exceed limits", docs.github.com): a file over
 * any of them is rejected whole, so the writer stays under every one.
 */
export const GITHUB_LIMITS = {
  runsPerFile: 20,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  locationsPerResult: 1_000,
  threadFlowLocationsPerResult: 10_000,
  tagsPerRule: 20,
  gzippedBytesPerFile: 10 * 1024 * 1024,
} as const;

export interface CapCounts {
  /** Results whose locations were cut. */
  locations: number;
  /** Results whose code flows were cut. */
  flows: number;
}

function capThreadFlows(result: SarifResult, max: number): boolean {
  if (result.codeFlows === undefined) return false;
  let cut = false;
  let budget = max;
  for (const flow of result.codeFlows) {
    for (const thread of flow.threadFlows) {
      if (thread.locations.length > budget) {
        // Keep the source end and the sink: the steps in between are what a reader can best spare.
        const last = thread.locations[thread.locations.length - 1];
        const keep = Math.max(0, budget - 1);
        thread.locations = thread.locations.slice(0, keep);
        if (last !== undefined && budget > 0) thread.locations.push(last);
        cut = true;
      }
      budget -= thread.locations.length;
    }
  }
  if (cut) result.codeFlows = result.codeFlows.filter((f) => f.threadFlows.some((t) => t.locations.length > 0));
  return cut;
}

/** Cuts one result down to the per-result limits in place and records what it cut. */
export function capResult(result: SarifResult, counts: CapCounts): void {
  const max = GITHUB_LIMITS.locationsPerResult;
  let cut = false;
  if (result.locations.length > max) {
    result.locations = result.locations.slice(0, max);
    cut = true;
  }
  if (result.relatedLocations !== undefined && result.relatedLocations.length > max) {
    result.relatedLocations = result.relatedLocations.slice(0, max);
    cut = true;
  }
  if (cut) counts.locations += 1;
  if (capThreadFlows(result, GITHUB_LIMITS.threadFlowLocationsPerResult)) counts.flows += 1;
}
