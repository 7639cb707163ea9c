import type { Confidence } from '@rampart/core';

/** A provider's token format: a regex whose first capture group is the secret itself. */
export interface SecretRule {
  /** `secrets.<provider>-<kind>`, stable: it is part of every fingerprint. */
  id: string;
  title: string;
  /** Who issued the credential and must revoke it: `GitHub`, `AWS`. */
  provider: string;
  /**
   * The named group `secret`, or else group 1, is the secret. Keep every quantifier bounded and never nest them: rules run on
   * untrusted text, and a bounded pattern keeps the scan linear in the input.
   */
  regex: RegExp;
  /**
   * Lowercase substrings one of which a line must contain before the regex runs. A cheap
   * pre-filter: most lines of most files contain none of them.
   */
  keywords?: string[];
  /** Structure or checksum check on the secret; `match` gives the regex's other groups. */
  validate?: (secret: string, match: RegExpExecArray) => boolean;
  /** Critical: live cloud, code host, registry or payment credentials and private keys. */
  severity: 'critical' | 'high';
  confidence?: Confidence;
  /** `CWE-798`, plus `CWE-321` for cryptographic keys. */
  cwe: string[];
  /** The match may run past the end of its first line (PEM blocks); bounded by `maxSpan`. */
  multiline?: boolean;
  /** Characters after the start of the keyword's line a multiline match may reach. */
  maxSpan?: number;
  /** The file must match this too (a GCP key file names its type); checked once per file. */
  requires?: RegExp;
  /** On overlapping matches the higher priority wins, then the longer match. Default 0. */
  priority?: number;
  /** Reject secrets that look like examples or redactions (default true; PEM bodies check their own). */
  checkPlaceholder?: boolean;
  /** Minimum Shannon entropy (bits per character) of the secret; default 3. */
  minEntropy?: number;
  /** Where the provider documents revoking this credential. */
  revokeUrl?: string;
}

export interface ScanSecretsOptions {
  /** Path globs (picomatch) to skip, added to `DEFAULT_ALLOW_PATHS`. */
  allowPaths?: string[];
  /** A secret matching any of these is not reported (known test values, public keys of a demo). */
  allowValues?: RegExp[];
  /** Rules to use instead of the built-in registry. */
  rules?: readonly SecretRule[];
  /** Turn off the generic high-entropy detector. Default true. */
  entropy?: boolean;
}

/** One secret found, before it becomes a finding: offsets are into the scanned text. */
export interface SecretMatch {
  ruleId: string;
  title: string;
  provider: string;
  severity: 'critical' | 'high';
  confidence: Confidence;
  cwe: string[];
  /** Offsets of the secret itself (group 1), end exclusive. */
  start: number;
  end: number;
  secret: string;
  /** The variable or key the secret is assigned to, when there is one. */
  name?: string;
  /** Provider rules outrank the generic detector on the same span. */
  rank: number;
  /** Ids the secret relates to; shown in the help. */
  revokeUrl?: string;
}


