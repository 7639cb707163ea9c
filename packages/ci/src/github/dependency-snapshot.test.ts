import type { Inventory, Package } from '@rampart/inventory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubTestBed, type GithubTestBed } from '../../test/support/github.js';
import { TOKEN, FAST } from '../../test/support/github.js';
import { buildDependencySnapshot, publishDependencySnapshot, submitDependencySnapshot } from './dependency-snapshot.js';

const pkg = (name: string, over: Partial<Package> = {}): Package => ({
  purl: `pkg:npm/${name}@1.0.0`,
  name,
  version: '1.0.0',
  ecosystem: 'npm',
  licenses: [],
  hashes: [],
  direct: false,
  dev: false,
  locations: ['package-lock.json'],
  dependsOn: [],
  ...over,
});

const inventory: Inventory = {
  roots: [
    { ref: 'root:package-lock.json', name: 'shop', ecosystem: 'npm', manifest: 'package-lock.json', dependsOn: ['pkg:npm/express@1.0.0', 'pkg:npm/mocha@1.0.0'] },
  ],
  packages: [
    pkg('express', { direct: true, dependsOn: ['pkg:npm/qs@1.0.0'] }),
    pkg('qs'),
    pkg('mocha', { direct: true, dev: true }),
    pkg('left-pad', { locations: ['node_modules/left-pad/package.json'] }),
  ],
  problems: [],
};

const ctx = {
  sha: 'a'.repeat(40),
  ref: 'refs/heads/main',
  correlator: 'ci sbom',
  runId: '42',
  detector: { name: 'rampart', version: '0.1.0', url: 'https://example.test/rampart' },
  scanned: new Date('2026-01-02T03:04:05Z'),
};

describe('buildDependencySnapshot', () => {
  const snap = buildDependencySnapshot(inventory, ctx);

  it('puts every package reachable from a root in its manifest, with direct/indirect and runtime/development', () => {
    const m = snap.manifests['package-lock.json'];
    expect(m?.file).toEqual({ source_location: 'package-lock.json' });
    expect(m?.resolved['pkg:npm/express@1.0.0']).toEqual({
      package_url: 'pkg:npm/express@1.0.0', relationship: 'direct', scope: 'runtime', dependencies: ['pkg:npm/qs@1.0.0'],
    });
    expect(m?.resolved['pkg:npm/qs@1.0.0']?.relationship).toBe('indirect');
    expect(m?.resolved['pkg:npm/mocha@1.0.0']?.scope).toBe('development');
    expect(Object.keys(m?.resolved ?? {})).not.toContain('pkg:npm/left-pad@1.0.0');
  });

  it('gives packages no root reaches a manifest of the file they were found in', () => {
    expect(Object.keys(snap.manifests['node_modules/left-pad/package.json']?.resolved ?? {})).toEqual(['pkg:npm/left-pad@1.0.0']);
  });

  it('carries the job, detector and scan time', () => {
    expect(snap).toMatchObject({ version: 0, sha: ctx.sha, ref: ctx.ref, job: { correlator: 'ci sbom', id: '42' }, scanned: '2026-01-02T03:04:05.000Z' });
  });
});

describe('submitDependencySnapshot', () => {
  let bed: GithubTestBed;
  beforeEach(async () => {
    bed = await githubTestBed();
  });
  afterEach(async () => {
    await bed.gh.close();
  });

  it('posts the snapshot, which the fake API accepts as valid', async () => {
    const snapshot = buildDependencySnapshot(inventory, ctx);
    const r = await submitDependencySnapshot({ octokit: bed.octokit, io: bed.io, owner: 'acme', repo: 'shop', snapshot });
    expect(r).toMatchObject({ status: 'submitted', id: 1, result: 'SUCCESS' });
    expect(bed.gh.snapshots[0]?.body).toEqual(JSON.parse(JSON.stringify(snapshot)));
  });

  it('skips with a notice when the token may not write, and never fails the step', async () => {
    bed.gh.denyWrites = 403;
    const r = await submitDependencySnapshot({ octokit: bed.octokit, io: bed.io, owner: 'acme', repo: 'shop', snapshot: buildDependencySnapshot(inventory, ctx) });
    expect(r.status).toBe('skipped');
    expect(bed.io.at('notice')[0]?.message).toMatch(/contents: write/);
    expect(bed.io.failed).toEqual([]);
  });

  it('reports a refused snapshot as failed with the API message', async () => {
    const bad = { ...buildDependencySnapshot(inventory, ctx), sha: 'nope' };
    const r = await submitDependencySnapshot({ octokit: bed.octokit, io: bed.io, owner: 'acme', repo: 'shop', snapshot: bad });
    expect(r.status).toBe('failed');
    expect(r.status === 'failed' && r.reason).toMatch(/422.*sha/);
  });
});

describe('publishDependencySnapshot', () => {
  let bed: GithubTestBed;
  beforeEach(async () => {
    bed = await githubTestBed();
  });
  afterEach(async () => {
    await bed.gh.close();
  });
  const env = () => ({
    GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'b'.repeat(40), GITHUB_REF: 'refs/heads/main', GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'sbom', GITHUB_RUN_ID: '99', GITHUB_API_URL: bed.gh.url, GITHUB_SERVER_URL: 'https://github.test',
  });
  const args = { inventory, detector: ctx.detector, scanned: ctx.scanned };

  it('takes sha, ref, correlator and run link from the runner variables', async () => {
    const r = await publishDependencySnapshot({ ...args, token: TOKEN, correlatorSuffix: 'web' }, { io: bed.io, env: env(), octokit: FAST });
    expect(r.status).toBe('submitted');
    expect(bed.gh.snapshots[0]).toMatchObject({
      owner: 'acme', repo: 'shop',
      body: { sha: 'b'.repeat(40), ref: 'refs/heads/main', job: { correlator: 'CI sbom web', id: '99', html_url: 'https://github.test/acme/shop/actions/runs/99' } },
    });
  });

  it('skips with a notice when there is no token', async () => {
    const r = await publishDependencySnapshot({ ...args, token: '' }, { io: bed.io, env: env() });
    expect(r.status).toBe('skipped');
    expect(bed.gh.calls).toEqual([]);
    expect(bed.io.at('notice')[0]?.message).toMatch(/no github-token/);
  });
});
