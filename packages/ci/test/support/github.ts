import { startFakeGithub, type FakeGithub } from '../../../../test/harness/fake-github.js';
import { recordingIO, type RecordingIO } from '../../src/github/io.js';
import { createOctokit, type GithubClient } from '../../src/github/octokit.js';

export const TOKEN = 'ghs_fakeTokenForTests0123456789';

/** Retry and throttle waits shrunk to milliseconds, so a retry costs nothing in a test. */
export const FAST = { retryUnitMs: 1, writeIntervalMs: 0, notificationIntervalMs: 0 } as const;

export interface GithubTestBed {
  gh: FakeGithub;
  io: RecordingIO;
  octokit: GithubClient;
}

export async function githubTestBed(): Promise<GithubTestBed> {
  const gh = await startFakeGithub({ token: TOKEN });
  const io = recordingIO();
  const octokit = await createOctokit({ token: TOKEN, apiUrl: gh.url, io, ...FAST });
  return { gh, io, octokit };
}
