import fc from 'fast-check';
import { ZipError, buildZip } from '@rampart/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubTestBed, type GithubTestBed } from '../../test/support/github.js';
import { makeFinding } from '../../test/support/make-finding.js';
import { downloadArtifactZip, readArtifactFiles } from './artifacts.js';
import { parseFindingsFile } from '@rampart/core';
import { findBaseline } from './baseline.js';

let bed: GithubTestBed;
beforeEach(async () => {
  bed = await githubTestBed();
});
afterEach(async () => {
  await bed.gh.close();
});

const findingsJson = (n = 1) =>
  JSON.stringify({ rampart: 1, generatedAt: '2026-11-28T10:00:00Z', tools: [{ name: 'rampart', version: '0.1.0' }], findings: Array.from({ length: n }, () => makeFinding({ severity: 'high' })) });

const lookup = { owner: 'acme', repo: 'shop', workflowFile: 'security.yml', baseRef: 'main', artifactName: 'rampart-findings' };

function seedRun(event: string, files: { name: string; data: string }[], o: { expired?: boolean; branch?: string; conclusion?: 'success' | 'failure' } = {}): number {
  const { id } = bed.gh.addWorkflowRun({ owner: 'acme', repo: 'shop', workflowFile: 'security.yml', branch: o.branch ?? 'main', event, conclusion: o.conclusion ?? 'success', headSha: 'c'.repeat(40) });
  bed.gh.addRunArtifact({ owner: 'acme', repo: 'shop', runId: id, name: 'rampart-findings', zip: buildZip(files), ...(o.expired ? { expired: true } : {}) });
  return id;
}

describe('findBaseline', () => {
  it('takes findings.json of the newest successful push run on the base branch, and the token never reaches the blob store', async () => {
    const older = seedRun('push', [{ name: 'findings.json', data: findingsJson(1) }]);
    const newest = seedRun('push', [{ name: 'sast/findings.json', data: findingsJson(5) }, { name: 'findings.json', data: findingsJson(2) }]);
    seedRun('pull_request', [{ name: 'findings.json', data: findingsJson(9) }]);
    seedRun('push', [{ name: 'findings.json', data: findingsJson(7) }], { conclusion: 'failure' });
    seedRun('push', [{ name: 'findings.json', data: findingsJson(8) }], { branch: 'dev' });
    const r = await findBaseline(bed.octokit, lookup);
    expect(r.found).toBe(true);
    if (!r.found) return;
    expect(r.runId).toBe(newest);
    expect(r.runId).not.toBe(older);
    expect(r.file.findings).toHaveLength(2);
    expect(r.source).toMatch(new RegExp(`^rampart-findings of run ${newest} on main, \\d{4}-\\d{2}-\\d{2}$`));
    const blobCalls = bed.gh.calls.filter((c) => c.path.startsWith('/_blobs/'));
    expect(blobCalls).toHaveLength(1);
    expect(blobCalls[0]?.headers.authorization).toBeUndefined();
    const runsCall = bed.gh.calls.find((c) => c.path.endsWith('/actions/workflows/security.yml/runs'));
    expect(runsCall?.query).toMatchObject({ branch: 'main', status: 'success' });
  });

  it('skips expired artifacts and says so when nothing is left', async () => {
    seedRun('push', [{ name: 'findings.json', data: findingsJson() }], { expired: true });
    const r = await findBaseline(bed.octokit, lookup);
    expect(r).toEqual({ found: false, warning: false, reason: 'no successful run of security.yml on main has a rampart-findings artifact that has not expired (1 expired)' });
  });

  it('says there is no run yet, and names a missing workflow file', async () => {
    expect(await findBaseline(bed.octokit, lookup)).toMatchObject({ found: false, reason: 'no successful run of security.yml on main yet' });
    expect(await findBaseline(bed.octokit, { ...lookup, workflowFile: undefined })).toMatchObject({ found: false, warning: true });
  });

  it('turns a forbidden listing into a reason about actions: read', async () => {
    bed.gh.failNext(403, { path: /actions\/workflows/ });
    const r = await findBaseline(bed.octokit, lookup);
    expect(r).toMatchObject({ found: false, warning: true });
    expect(!r.found && r.reason).toContain('actions: read');
  });

  it('rejects an artifact whose findings.json is not one, with a warning and no crash', async () => {
    seedRun('push', [{ name: 'findings.json', data: JSON.stringify({ rampart: 1, findings: 'no' }) }]);
    const r = await findBaseline(bed.octokit, lookup);
    expect(r).toMatchObject({ found: false, warning: true });
    expect(!r.found && r.reason).toMatch(/not a Rampart findings.json/);
    bed.gh.runArtifacts[0]!.zip = Buffer.from('not a zip');
    const broken = await findBaseline(bed.octokit, lookup);
    expect(!broken.found && broken.reason).toMatch(/could not be downloaded or read/);
  });
});

describe('artifacts', () => {
  it('refuses a download above the size limit and an entry above the entry limit', async () => {
    const id = seedRun('push', [{ name: 'findings.json', data: 'x'.repeat(5000) }]);
    const artifactId = bed.gh.runArtifacts.find((a) => a.runId === id)!.id;
    await expect(downloadArtifactZip(bed.octokit, { owner: 'acme', repo: 'shop', artifactId, maxBytes: 10 })).rejects.toThrow(/limit/);
    const zip = await downloadArtifactZip(bed.octokit, { owner: 'acme', repo: 'shop', artifactId });
    const r = await readArtifactFiles(zip, ['findings.json'], { maxEntries: 10, maxEntryBytes: 100, maxTotalBytes: 1000 });
    expect(r.files.size).toBe(0);
    expect(r.problems[0]).toMatch(/more than the limit/);
  });

  it('parseFindingsFile accepts the native format only', () => {
    expect('problem' in parseFindingsFile(findingsJson(1), 'x')).toBe(false);
    expect(parseFindingsFile('{', 'x')).toEqual({ problem: 'x is not JSON' });
  });

  it('reads an untrusted zip without throwing anything but ZipError and without going over the limits (fuzz)', async () => {
    const good = buildZip([{ name: 'findings.json', data: findingsJson(2) }, { name: 'pull-request.json', data: '{}' }]);
    const limits = { maxEntries: 10, maxEntryBytes: 4096, maxTotalBytes: 8192 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)), fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })).map(([at, v]) => {
        const b = Buffer.from(good);
        b[at] = v;
        return b;
      })), async (zip) => {
        try {
          const r = await readArtifactFiles(zip, ['findings.json'], limits);
          for (const data of r.files.values()) expect(data.length).toBeLessThanOrEqual(limits.maxEntryBytes);
        } catch (e) {
          expect(e).toBeInstanceOf(ZipError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
