import type { Logger } from '@rampart/core';
import { readOsRelease, type InventoryFs } from '@rampart/inventory';
import { eolDate } from './eol.js';

export interface DetectedOs {
  id: string;
  versionId?: string;
  codename?: string;
  prettyName?: string;
  /** Last day of security support, when the table knows the release. */
  eol?: string;
  /** True when `eol` lies before the scan date: the image gets no more security fixes. */
  eolPassed: boolean;
}

/** Reads os-release and checks the release against the EOL table, warning when support has ended. */
export async function detectOs(fs: InventoryFs, now: Date, logger: Logger): Promise<DetectedOs | undefined> {
  const release = await readOsRelease(fs);
  if (!release) return undefined;
  const eol = eolDate(release.id, release.versionId);
  const today = now.toISOString().slice(0, 10);
  const detected: DetectedOs = { id: release.id, eolPassed: eol !== undefined && eol < today };
  if (release.versionId) detected.versionId = release.versionId;
  if (release.versionCodename) detected.codename = release.versionCodename;
  if (release.prettyName) detected.prettyName = release.prettyName;
  if (eol) detected.eol = eol;
  if (detected.eolPassed) {
    logger.warn(
      `${release.prettyName ?? `${release.id} ${release.versionId ?? ''}`}: security support ended on ${eol}; ` +
        'vulnerabilities found after that date are not fixed in this release',
    );
  }
  return detected;
}
