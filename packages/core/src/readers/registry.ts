import { readers as bandit } from './bandit/index.js';
import { readers as gitlab } from './gitlab/index.js';
import { readers as gitleaks } from './gitleaks/index.js';
import { readers as grype } from './grype/index.js';
import { readers as npmAudit } from './npm-audit/index.js';
import { readers as sarif } from './sarif/index.js';
import { readers as semgrep } from './semgrep/index.js';
import { readers as trivy } from './trivy/index.js';
import type { ReportReader } from './types.js';
import { readers as zap } from './zap/index.js';

/**
 * Every report reader, one folder each. Detection asks them in this order; formats are told apart
 * by shape, so the order only matters for a document built to look like two formats at once.
 */
export const READERS: readonly ReportReader[] = Object.freeze([
  ...sarif,
  ...gitlab,
  ...trivy,
  ...grype,
  ...semgrep,
  ...bandit,
  ...npmAudit,
  ...zap,
  ...gitleaks,
]);

/** The ids `--format` accepts. */
export const READER_IDS: readonly string[] = Object.freeze(READERS.map((r) => r.id));

export function readerById(id: string): ReportReader | undefined {
  return READERS.find((r) => r.id === id);
}
