import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { DEFAULT_GITLAB_TOKEN_VARIABLE, envValue, fetchGitlabBaseline, readGitlabEnv, type Env } from '@rampart/ci';
import { UserError } from '@rampart/core';
import type { CliDeps } from '../deps.js';
import { resolveSettings, type SettingFlags } from './settings.js';

export const BASELINE_FROM_VALUES = ['gitlab'] as const;

/** `--baseline-from` and its companions as the command line gives them. */
export interface BaselineFromRequest {
  from: string;
  /** Job that uploaded the findings.json; default: this job (`CI_JOB_NAME`). */
  job?: string;
  /** Path inside that job's artifacts; default: `<out-dir>/findings.json`. */
  path?: string;
}

/**
 * Which branch's pipeline holds the baseline: the merge request's target branch; on another branch the default
 * branch; none on the default branch itself, which makes the baselines.
 */
export function gitlabBaselineRef(env: Env): string | undefined {
  const target = envValue(env, 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME');
  if (envValue(env, 'CI_MERGE_REQUEST_IID') && target) return target;
  const branch = envValue(env, 'CI_COMMIT_BRANCH') ?? envValue(env, 'CI_COMMIT_REF_NAME');
  const main = envValue(env, 'CI_DEFAULT_BRANCH');
  if (!main || branch === main) return undefined;
  return main;
}

/**
 * The artifact path of this job's findings.json. GitLab stores artifact paths relative to the project directory,
 * where a job starts, so a relative out-dir is taken as given; an absolute one is made relative to CI_PROJECT_DIR.
 */
function defaultArtifactPath(flags: SettingFlags, deps: CliDeps): string {
  const outDir = resolveSettings(flags, deps).outDir;
  const file = isAbsolute(outDir)
    ? relative(envValue(deps.env, 'CI_PROJECT_DIR') ?? deps.cwd, join(outDir, 'findings.json'))
    : relative(deps.cwd, resolve(deps.cwd, outDir, 'findings.json'));
  return file.split('\\').join('/');
}

/**
 * Turns `--baseline-from gitlab` into `flags.baseline` (a temp file) and `flags.baselineSource`. An explicit
 * `--baseline` wins. Every way of not finding one is a reason in `baselineSource`, so the summary can say the
 * gate applied to every finding; only a bad flag value is an error.
 */
export async function resolveBaselineFrom(
  flags: SettingFlags,
  req: BaselineFromRequest | undefined,
  deps: CliDeps,
  fetchImpl?: typeof fetch,
): Promise<SettingFlags> {
  if (!req) return flags;
  if (!(BASELINE_FROM_VALUES as readonly string[]).includes(req.from)) {
    throw new UserError(`unknown baseline source "${req.from}"`, { field: '--baseline-from', expected: BASELINE_FROM_VALUES.join(', ') });
  }
  if (flags.baseline) return flags;
  const log = (t: string) => deps.stderr(`rampart: ${t}\n`);
  const none = (reason: string): SettingFlags => {
    log(`no baseline: ${reason}; the gate applies to every finding.`);
    return { ...flags, baselineSource: reason };
  };
  const gl = readGitlabEnv(deps.env);
  if (!gl) return none('--baseline-from gitlab outside GitLab CI (GITLAB_CI is not true)');
  const ref = gitlabBaselineRef(deps.env);
  if (ref === undefined) return flags;
  const project = gl.projectId ?? gl.projectPath;
  if (!gl.apiV4Url || !project) return none('CI_API_V4_URL or CI_PROJECT_ID is not set');
  const job = req.job ?? envValue(deps.env, 'CI_JOB_NAME');
  if (!job) return none('no job name to take the baseline from (--baseline-job or CI_JOB_NAME)');
  const path = req.path ?? defaultArtifactPath(flags, deps);
  const token = envValue(deps.env, DEFAULT_GITLAB_TOKEN_VARIABLE);
  const jobToken = envValue(deps.env, 'CI_JOB_TOKEN');
  const got = await fetchGitlabBaseline({
    apiV4Url: gl.apiV4Url, project, ref, job, path,
    ...(token ? { token } : {}),
    ...(jobToken ? { jobToken } : {}),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  if (!got.found) return none(got.reason);
  const file = join(mkdtempSync(join(tmpdir(), 'rampart-baseline-')), 'findings.json');
  writeFileSync(file, got.content);
  log(`baseline: ${got.description}, ${got.file.findings.length} finding(s).`);
  return { ...flags, baseline: file, baselineSource: got.description };
}
