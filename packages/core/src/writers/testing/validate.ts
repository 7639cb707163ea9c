/**
 * Conformance checks for the writers' outputs, shared with the end-to-end tests. Tests only: this
 * module spawns the SARIF Multitool and reads schema files, which shipped core code must not do.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

export type GitlabReportType = 'sast' | 'dast' | 'dependency_scanning' | 'container_scanning' | 'secret_detection';

const GITLAB_FILES: Record<GitlabReportType, string> = {
  sast: 'sast-report-format.json',
  dast: 'dast-report-format.json',
  dependency_scanning: 'dependency-scanning-report-format.json',
  container_scanning: 'container-scanning-report-format.json',
  secret_detection: 'secret-detection-report-format.json',
};

/** `<repo>/../shared/schemas`, or `RAMPART_SCHEMAS_DIR` (read when called, never at import). */
export function schemasDir(): string {
  const fromEnv = process.env['RAMPART_SCHEMAS_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return fileURLToPath(new URL('../../../../../../shared/schemas/', import.meta.url));
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`);
}

// Compiling the SARIF schema takes a while; one validator per process is enough.
let sarifValidator: ValidateFunction | undefined;
const gitlabValidators = new Map<GitlabReportType, ValidateFunction>();

/** Ajv errors against the OASIS SARIF 2.1.0 schema (draft-04); empty when the document is valid. */
export function validateSarifSchema(doc: unknown): string[] {
  if (sarifValidator === undefined) {
    const ajv = new AjvDraft04({ strict: false, allErrors: true });
    addFormats(ajv);
    sarifValidator = ajv.compile(readJson(join(schemasDir(), 'sarif', 'sarif-schema-2.1.0.json')));
  }
  const data: unknown = typeof doc === 'string' ? JSON.parse(doc) : doc;
  return sarifValidator(data) ? [] : describe(sarifValidator.errors);
}

/** Ajv errors against the GitLab 15.0.7 schema of one report type, each type in its own Ajv (they share `$id`s). */
export function validateGitlab(type: GitlabReportType, doc: unknown): string[] {
  let validate = gitlabValidators.get(type);
  if (validate === undefined) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(readJson(join(schemasDir(), 'gitlab', '15.0.7', GITLAB_FILES[type])));
    gitlabValidators.set(type, validate);
  }
  const data: unknown = typeof doc === 'string' ? JSON.parse(doc) : doc;
  return validate(data) ? [] : describe(validate.errors);
}

export function multitoolPath(): string {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    // The package's install script (which sets the mode) does not run under pnpm's defaults.
    chmodSync(bin, statSync(bin).mode | 0o100);
  }
  return bin;
}

export interface MultitoolIssue {
  ruleId: string;
  level: string;
  message: string;
}

interface MultitoolResult {
  ruleId?: string;
  level?: string;
  message?: { text?: string; id?: string; arguments?: string[] };
}

/**
 * Runs `Sarif.Multitool validate --rule-kind "Sarif;Gh"` on the content and returns every issue it
 * logs (level defaults to warning, as in SARIF). The tool exits 0 even when it finds errors, so
 * callers assert on the `error`-level issues.
 */
export function validateSarifMultitool(content: string): MultitoolIssue[] {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-sarif-'));
  try {
    const input = join(dir, 'in.sarif');
    const output = join(dir, 'out.sarif');
    writeFileSync(input, content);
    // The Multitool skips files over 10,000 KB unless told otherwise, and then reports no issues.
    const maxKb = String(Math.ceil(Buffer.byteLength(content) / 1024) + 1024);
    execFileSync(multitoolPath(), ['validate', '--rule-kind', 'Sarif;Gh', '--max-file-size-in-kb', maxKb, '-o', output, input], {
      stdio: 'pipe',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    const log = readJson(output) as { runs?: { results?: MultitoolResult[] }[] };
    return (log.runs ?? []).flatMap((r) =>
      (r.results ?? []).map((x) => ({
        ruleId: x.ruleId ?? '?',
        level: x.level ?? 'warning',
        message: [x.message?.id, ...(x.message?.arguments ?? [])].filter(Boolean).join(' | ') || (x.message?.text ?? ''),
      })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function multitoolErrors(content: string): MultitoolIssue[] {
  return validateSarifMultitool(content).filter((i) => i.level === 'error');
}
