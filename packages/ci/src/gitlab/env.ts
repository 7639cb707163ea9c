import { envValue, type Env } from '../env.js';

/** What a GitLab CI job tells us about itself, from the predefined CI/CD variables. */
export interface GitlabEnv {
  projectDir: string | undefined;
  /** Numeric id; the API also accepts the URL-encoded path, used when the id is missing. */
  projectId: string | undefined;
  projectPath: string | undefined;
  apiV4Url: string | undefined;
  serverUrl: string | undefined;
  commitSha: string | undefined;
  commitRefName: string | undefined;
  defaultBranch: string | undefined;
  jobUrl: string | undefined;
  pipelineUrl: string | undefined;
  /** Set only in merge request pipelines. */
  mergeRequestIid: number | undefined;
}

export function isGitlabCi(env: Env): boolean {
  return envValue(env, 'GITLAB_CI') === 'true';
}

function positiveInt(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/** Undefined outside GitLab CI (`GITLAB_CI` is not `true`). */
export function readGitlabEnv(env: Env): GitlabEnv | undefined {
  if (!isGitlabCi(env)) return undefined;
  const serverUrl = envValue(env, 'CI_SERVER_URL')?.replace(/\/+$/, '');
  // CI_API_V4_URL exists since GitLab 11.7; derive it for anything older or a job that unset it.
  const apiV4Url = (envValue(env, 'CI_API_V4_URL') ?? (serverUrl ? `${serverUrl}/api/v4` : undefined))?.replace(/\/+$/, '');
  return {
    projectDir: envValue(env, 'CI_PROJECT_DIR'),
    projectId: envValue(env, 'CI_PROJECT_ID'),
    projectPath: envValue(env, 'CI_PROJECT_PATH'),
    apiV4Url,
    serverUrl,
    commitSha: envValue(env, 'CI_COMMIT_SHA'),
    commitRefName: envValue(env, 'CI_COMMIT_REF_NAME'),
    defaultBranch: envValue(env, 'CI_DEFAULT_BRANCH'),
    jobUrl: envValue(env, 'CI_JOB_URL'),
    pipelineUrl: envValue(env, 'CI_PIPELINE_URL'),
    mergeRequestIid: positiveInt(envValue(env, 'CI_MERGE_REQUEST_IID')),
  };
}
