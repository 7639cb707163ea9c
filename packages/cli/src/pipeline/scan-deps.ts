import type { Notification } from '@rampart/core';
import type { Inventory } from '@rampart/inventory';
import { offlineSource, osvEcosystemFor } from '@rampart/vulns';
import type { CliDeps } from '../deps.js';
import { cacheDirOf, runDepsStep, type DepsStepResult, type VulnSourceChoice } from './deps-step.js';

/** How `rampart scan` decides on dependency scanning: `--deps` asks for it; otherwise an offline mirror enables it. */
export interface ScanDepsChoice extends VulnSourceChoice {
  explicit: boolean;
}

/**
 * `rampart scan` must work offline (the README's main job runs on machines without osv.dev), so without `--deps`
 * it matches only against a mirror that `rampart db pull` already made, and says how to turn it on otherwise.
 */
export async function scanDeps(inventory: Inventory, choice: ScanDepsChoice, deps: CliDeps): Promise<DepsStepResult | { skipped: Notification }> {
  if (choice.explicit) return runDepsStep(inventory, choice, deps);
  const cacheDir = cacheDirOf(choice, deps);
  const pulled = await offlineSource({ cacheDir, now: deps.now }).databases().catch(() => []);
  if (pulled.length === 0) {
    return {
      skipped: {
        level: 'note',
        message: `dependency scanning skipped: no offline OSV database in ${cacheDir}; run \`rampart db pull\`, or add --deps to query osv.dev`,
      },
    };
  }
  // Only the ecosystems that were pulled: a partial mirror covers what it has, and the rest is named in a note.
  const have = new Set(pulled.map((d) => d.ecosystem));
  const covered = (p: Inventory['packages'][number]) => {
    const e = osvEcosystemFor(p.ecosystem, undefined);
    return !('reason' in e) && have.has(e.ecosystem.split(':')[0] ?? e.ecosystem);
  };
  const left = [...new Set(inventory.packages.filter((p) => !covered(p)).map((p) => p.ecosystem))].sort();
  const r = await runDepsStep({ ...inventory, packages: inventory.packages.filter(covered) }, { ...choice, offline: true }, deps);
  if (left.length > 0) {
    r.notifications.push({ level: 'note', message: `not in the offline OSV mirror, so not checked: ${left.join(', ')} packages (rampart db pull --ecosystem ...)` });
  }
  return r;
}
