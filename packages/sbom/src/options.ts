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
