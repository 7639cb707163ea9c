import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitlab, type FakeGitlab } from '../../../../test/harness/fake-gitlab.js';
import { fetchGitlabBaseline, gitlabArtifactFileUrl, type GitlabBaselineParams } from './baseline.js';

const TOKEN = 'glpat-baselineTokenForTests';
const JOB_TOKEN = 'glcbt-jobTokenForTests';
let gl: FakeGitlab;
beforeEach(async () => {
  gl = await startFakeGitlab({ token: TOKEN, jobToken: JOB_TOKEN });
});
afterEach(async () => {
  await gl.close();
});

const findingsFile = (ids: string[]) =>
  JSON.stringify({
    rampart: 1,
    generatedAt: '2026-11-28T10:00:00.000Z',
    tools: [{ name: 'rampart', version: '1.0.0' }],
    findings: ids.map((id) => ({
      fingerprint: id,
      kind: 'sast',
      ruleId: 'js.eval',
      title: 'eval',
      message: 'eval of input',
      severity: 'high',
      identifiers: [],
      location: { type: 'source', path: 'src/app.js', startLine: 3 },
      tool: { name: 'rampart', version: '1.0.0' },
    })),
  });

const params = (over: Partial<GitlabBaselineParams> = {}): GitlabBaselineParams => ({
  apiV4Url: gl.apiV4Url, project: '42', ref: 'main', job: 'rampart-report', path: 'rampart-reports/findings.json', token: TOKEN, ...over,
});

describe('gitlabArtifactFileUrl', () => {
  it('encodes the project path, the ref and each path segment, and keeps the slashes between them', () => {
    expect(gitlabArtifactFileUrl({ apiV4Url: 'https://gl.example/api/v4/', project: 'group/app', ref: 'feature/x', job: 'rampart report', path: './out dir/findings.json' })).toBe(
      'https://gl.example/api/v4/projects/group%2Fapp/jobs/artifacts/feature%2Fx/raw/out%20dir/findings.json?job=rampart%20report',
    );
  });
});

describe('fetchGitlabBaseline', () => {
  it('downloads and validates the findings.json of the job on the ref, with the access token', async () => {
    gl.addJobArtifact({ project: '42', ref: 'main', job: 'rampart-report', path: 'rampart-reports/findings.json', content: findingsFile(['a', 'b']) });
    const r = await fetchGitlabBaseline(params());
    expect(r.found).toBe(true);
    if (!r.found) return;
    expect(r.file.findings.map((f) => f.fingerprint)).toEqual(['a', 'b']);
    expect(r.description).toBe('rampart-reports/findings.json of job rampart-report on main (2026-11-28)');
    const call = gl.calls.at(-1);
    expect(call?.query.job).toBe('rampart-report');
    expect(call?.headers['private-token']).toBe(TOKEN);
    expect(call?.headers['job-token']).toBeUndefined();
  });

  it('uses JOB-TOKEN when there is no access token', async () => {
    gl.addJobArtifact({ project: 'group/app', ref: 'main', job: 'rampart-report', path: 'findings.json', content: findingsFile(['a']) });
    const r = await fetchGitlabBaseline(params({ project: 'group/app', path: 'findings.json', token: undefined, jobToken: JOB_TOKEN }));
    expect(r.found).toBe(true);
    expect(gl.calls.at(-1)?.headers['job-token']).toBe(JOB_TOKEN);
    expect(gl.calls.at(-1)?.headers['private-token']).toBeUndefined();
  });

  it('gives a reason for a missing artifact, a refused token and a server failure, and never names the token', async () => {
    const missing = await fetchGitlabBaseline(params());
    expect(missing).toMatchObject({ found: false, reason: expect.stringMatching(/latest successful pipeline on main .*404/) as unknown });
    const refused = await fetchGitlabBaseline(params({ token: 'glpat-wrong' }));
    expect(refused).toMatchObject({ found: false, reason: expect.stringMatching(/HTTP 401.*read_api/) as unknown });
    const jobRefused = await fetchGitlabBaseline(params({ token: undefined, jobToken: 'nope' }));
    expect(jobRefused).toMatchObject({ found: false, reason: expect.stringMatching(/CI_JOB_TOKEN.*RAMPART_GITLAB_TOKEN/) as unknown });
    gl.failNext(502);
    const broken = await fetchGitlabBaseline(params());
    expect(broken).toMatchObject({ found: false, reason: expect.stringContaining('HTTP 502') as unknown });
    for (const r of [missing, refused, jobRefused, broken]) if (!r.found) expect(r.reason).not.toContain('glpat-');
  });

  it('turns an unreachable server into a reason', async () => {
    const r = await fetchGitlabBaseline(params({ apiV4Url: 'http://127.0.0.1:9/api/v4', timeoutMs: 2000 }));
    expect(r).toMatchObject({ found: false, reason: expect.stringContaining('cannot reach GitLab') as unknown });
  });

  it('rejects content that is not JSON, not a findings file, or too large', async () => {
    const put = (content: string) => gl.addJobArtifact({ project: '42', ref: 'main', job: 'rampart-report', path: 'rampart-reports/findings.json', content });
    put('<html>sign in</html>');
    expect(await fetchGitlabBaseline(params())).toMatchObject({ found: false, reason: expect.stringContaining('is not JSON') as unknown });
    put(JSON.stringify({ version: '15.0.7', vulnerabilities: [] }));
    expect(await fetchGitlabBaseline(params())).toMatchObject({ found: false, reason: expect.stringContaining('not a Rampart findings.json (rampart') as unknown });
    put(findingsFile(['a', 'b', 'c']));
    expect(await fetchGitlabBaseline(params({ maxBytes: 100 }))).toMatchObject({ found: false, reason: expect.stringContaining('larger than 100 bytes') as unknown });
  });

  it('follows a redirect to another host without the token', async () => {
    const seen: (string | undefined)[] = [];
    const storage = createServer((req, res) => {
      seen.push(req.headers['private-token'] as string | undefined);
      res.end(findingsFile(['z']));
    });
    await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r));
    const storageUrl = `http://127.0.0.1:${(storage.address() as AddressInfo).port}/blob`;
    try {
      const redirecting: typeof fetch = async (input, init) => {
        const url = String(input);
        if (url.startsWith(gl.apiV4Url)) {
          expect(new Headers(init?.headers).get('private-token')).toBe(TOKEN);
          return new Response(null, { status: 302, headers: { location: storageUrl } });
        }
        return fetch(input, init);
      };
      const r = await fetchGitlabBaseline(params({ fetch: redirecting }));
      expect(r.found).toBe(true);
      expect(seen).toEqual([undefined]);
    } finally {
      storage.close();
    }
  });

  it('never throws, whatever the server sends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.constant(findingsFile(['x']).slice(0, 80))), async (content) => {
        const fake: typeof fetch = async () => new Response(content, { status: 200 });
        const r = await fetchGitlabBaseline(params({ fetch: fake }));
        expect(typeof r.found).toBe('boolean');
        if (!r.found) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
