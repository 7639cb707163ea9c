import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubTestBed, type GithubTestBed } from '../../test/support/github.js';
import { applyCategory, uploadSarif } from './sarif-upload.js';

let bed: GithubTestBed;
beforeEach(async () => {
  bed = await githubTestBed();
});
afterEach(async () => {
  await bed.gh.close();
});

const sarif = JSON.stringify({
  version: '2.1.0',
  runs: [{ tool: { driver: { name: 'rampart', rules: [] } }, automationDetails: { id: 'rampart/sast/' }, results: [] }],
});
const sha = 'c'.repeat(40);
const params = (over: Partial<Parameters<typeof uploadSarif>[0]> = {}) => ({
  octokit: bed.octokit, io: bed.io, owner: 'acme', repo: 'shop', sarif, ref: 'refs/pull/7/merge', sha, ...over,
});

describe('uploadSarif', () => {
  it('posts gzip+base64 SARIF that decodes to the same document, with the documented fields', async () => {
    const startedAt = new Date('2025-01-02T03:04:05Z');
    const r = await uploadSarif(params({ toolName: 'Rampart', checkoutDir: '/home/runner/work/shop', startedAt, waitForProcessing: { attempts: 3, intervalMs: 1 } }));
    expect(r).toMatchObject({ status: 'uploaded', processingStatus: 'complete' });
    const up = bed.gh.sarifs[0];
    expect(up?.sarifText).toBe(sarif);
    expect(up?.body).toMatchObject({
      commit_sha: sha, ref: 'refs/pull/7/merge', tool_name: 'Rampart',
      checkout_uri: 'file:///home/runner/work/shop', started_at: '2025-01-02T03:04:05.000Z',
    });
    expect(r.status === 'uploaded' && r.id).toBe(up?.id);
  });

  it('writes the category into automationDetails.id', async () => {
    await uploadSarif(params({ category: 'rampart/container' }));
    const doc = JSON.parse(bed.gh.sarifs[0]?.sarifText ?? '{}') as { runs: { automationDetails: { id: string } }[] };
    expect(doc.runs[0]?.automationDetails.id).toBe('rampart/container/');
  });

  it('refuses above the gzipped size limit with a notice and sends nothing', async () => {
    const r = await uploadSarif(params({ maxGzipBytes: 50 }));
    expect(r.status).toBe('skipped');
    expect(bed.io.at('notice')[0]?.message).toMatch(/above GitHub's limit of 50/);
    expect(bed.gh.calls).toEqual([]);
  });

  it('skips with a notice on 403 and stays green', async () => {
    bed.gh.denyWrites = 403;
    const r = await uploadSarif(params());
    expect(r.status).toBe('skipped');
    expect(bed.io.at('notice')[0]?.message).toMatch(/security-events: write/);
    expect(bed.io.failed).toEqual([]);
  });

  it('succeeds after one 500 thanks to the retry plugin', async () => {
    bed.gh.failNext(500, { path: /code-scanning/ });
    const r = await uploadSarif(params());
    expect(r.status).toBe('uploaded');
    expect(bed.gh.calls.map((c) => c.status)).toEqual([500, 202]);
    expect(bed.gh.sarifs).toHaveLength(1);
  });
});

describe('applyCategory', () => {
  it('returns text unchanged when nothing changes, and rejects non-SARIF', () => {
    expect(applyCategory(sarif, 'rampart/sast')).toBe(sarif);
    expect(applyCategory(sarif, undefined)).toBe(sarif);
    expect(() => applyCategory('{"version":"2.1.0"}', undefined, 'r/x.sarif')).toThrow(/r\/x.sarif: field runs/);
    expect(() => applyCategory(gzipSync('x').toString(), undefined)).toThrow(/not JSON/);
  });
});
