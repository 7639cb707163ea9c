import { UserError } from '@rampart/core';

export interface SbomOptions {
  toolName: string;
  toolVersion: string;
  /** Document time; callers pass SOURCE_DATE_EPOCH when set, so output is reproducible. Default: new Date(). */
  timestamp?: Date;
  /** The scanned project's name, used when the inventory has no single root (several lockfiles) or none. */
  projectName: string;
  /** For SPDX documentNamespace, e.g. 'https://rampart.dev/spdx'. */
  namespaceBase?: string;
}

export type CycloneDxVersion = '1.6' | '1.5';

/** The document time; an invalid Date (a SOURCE_DATE_EPOCH that did not parse) is the caller's input to fix. */
export function documentTime(options: SbomOptions): Date {
  const time = options.timestamp ?? new Date();
  if (Number.isNaN(time.getTime())) {
    throw new UserError('the SBOM timestamp is not a valid date', { field: 'SOURCE_DATE_EPOCH', expected: 'seconds since 1970' });
  }
  return time;
}

/** Used for the synthetic root and the SPDX document name, which must not be empty. */
export function projectNameOf(options: SbomOptions): string {
  const name = options.projectName.trim();
  return name === '' ? 'project' : name;
}
