import type { Logger } from '@rampart/core';
import { envValue, type Env } from '../env.js';
import { readGitlabEnv } from './env.js';
import { upsertMergeRequestNote, type NoteResult } from './note.js';

export const DEFAULT_GITLAB_TOKEN_VARIABLE = 'RAMPART_GITLAB_TOKEN';

export interface PublishGitlabNoteArgs {
  /** The summary Markdown the core writer made. */
  body: string;
  /** Tells this note apart from other Rampart jobs' notes, e.g. `sast`. */
  id: string;
}

export interface PublishGitlabNoteDeps {
  env: Env;
  logger: Logger;
  /** The CI/CD variable holding a token with the `api` scope. */
  tokenVariable?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * The optional MR note of a GitLab job: only in a merge request pipeline and only when the token variable
 * is set (CI_JOB_TOKEN may not write notes). Every reason not to write is logged, never thrown.
 */
export async function publishGitlabNote(args: PublishGitlabNoteArgs, deps: PublishGitlabNoteDeps): Promise<NoteResult> {
  const skip = (reason: string): NoteResult => {
    deps.logger.info(`No merge request note: ${reason}.`);
    return { status: 'skipped', reason };
  };
  const gl = readGitlabEnv(deps.env);
  if (!gl) return skip('not running in GitLab CI');
  if (gl.mergeRequestIid === undefined) return skip('not a merge request pipeline');
  const variable = deps.tokenVariable ?? DEFAULT_GITLAB_TOKEN_VARIABLE;
  const token = envValue(deps.env, variable);
  if (!token) return skip(`${variable} is not set`);
  const project = gl.projectId ?? gl.projectPath;
  if (!gl.apiV4Url || !project) return skip('CI_API_V4_URL or CI_PROJECT_ID is not set');
  const body = gl.jobUrl ? `${args.body}\n\n<sub>[Rampart job](${gl.jobUrl})</sub>\n` : args.body;
  return upsertMergeRequestNote({
    apiV4Url: gl.apiV4Url, project, mergeRequestIid: gl.mergeRequestIid, token, id: args.id, body, logger: deps.logger,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
  });
}
