/**
 * Ground truth: real package managers from the npm registry install a real project, and what Rampart reads from
 * the lockfile they wrote must be what they say they installed: the same (name, version) set and, where the
 * manager lists them, the same dependency edges. Needs the npm registry (CI has it); installs use a shared cache.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogResult } from '../../cataloger.js';
import { catalog } from '../../catalog.js';
import { nodeFs } from '../../fs/node.js';
import {
  berryRc,
  catalogFile,
  catalogInstalled,
  expectNpmFlags,
  expectPnpmFlags,
  newDir,
  npmVerdictFor,
  platformSkipped,
  removeMadeDirs,
} from './ground-truth/checks.js';
import { graphOf, installedGraph, npmLsGraph, pnpmListGraph, withoutPackages } from './ground-truth/listings.js';
import { PLATFORM_ONLY, PROJECT_JSON, PROJECT_MANIFEST } from './ground-truth/project.js';
import { BIN, CACHE, YARN_BERRY, run, runTolerant, writeProject } from './ground-truth/tools.js';
import { javascriptCatalogers } from './index.js';
import { npmLockCataloger } from './npm-lock/index.js';
import { pnpmLockCataloger } from './pnpm-lock/index.js';
import { yarnLockCataloger } from './yarn-lock/index.js';

const TIMEOUT = 300_000;

afterAll(removeMadeDirs);

describe('npm ground truth', () => {
  const npm = BIN('npm');
  const lockfiles: Record<'v1' | 'v2' | 'v3', { dir: string; ls: string } | undefined> = {
    v1: undefined,
    v2: undefined,
    v3: undefined,
  };

  beforeAll(async () => {
    const install = async (version: 2 | 3) => {
      const dir = newDir(`npm-v${version}`);
      writeProject(dir, { 'package.json': PROJECT_JSON });
      await run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--lockfile-version', String(version), '--cache', join(CACHE, 'npm')], dir);
      return { dir, ls: await runTolerant(npm, ['ls', '--all', '--json'], dir) };
    };
    // npm 6 is the last to write lockfileVersion 1; it runs on Node 20 from the registry.
    const installV1 = async () => {
      const dir = newDir('npm-v1');
      writeProject(dir, { 'package.json': PROJECT_JSON });
      await run('npx', ['-y', 'npm@6', 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', join(CACHE, 'npm6')], dir);
      return { dir, ls: await runTolerant('npx', ['-y', 'npm@6', 'ls', '--json'], dir) };
    };
    lockfiles.v3 = await install(3);
    lockfiles.v2 = await install(2);
    lockfiles.v1 = await installV1();
  }, TIMEOUT * 2);

  it.each(['v1', 'v2', 'v3'] as const)('lockfile %s: the same packages and edges as npm ls', async (v) => {
    const done = lockfiles[v];
    if (!done) throw new Error('install did not run');
    const lock = JSON.parse(readFileSync(join(done.dir, 'package-lock.json'), 'utf8')) as { lockfileVersion: number };
    expect(lock.lockfileVersion).toBe(Number(v.slice(1)));
    const result = await catalogFile(npmLockCataloger, done.dir, 'package-lock.json');
    const theirs = npmLsGraph(done.ls);
    expect(theirs.packages.size).toBeGreaterThan(100);
    expect(theirs.edges.size).toBeGreaterThan(theirs.packages.size);
    const ours = withoutPackages(graphOf(result), platformSkipped(result, theirs, { listsThem: v === 'v1' }));
    expect([...ours.packages].sort()).toEqual([...theirs.packages].sort());
    expect([...ours.edges].sort()).toEqual([...theirs.edges].sort());
    expect(result.root?.name).toBe('rampart-ground-truth');
    // npm 6 lists the skipped fsevents with its version; npm 10 as an empty node.
    if (v !== 'v1') for (const name of PLATFORM_ONLY) expect(theirs.missing).toContain(name);
  }, TIMEOUT);

  it('finds in the installed node_modules exactly what npm ls lists', async () => {
    const done = lockfiles.v3;
    if (!done) throw new Error('install did not run');
    const theirs = npmLsGraph(done.ls);
    const ours = graphOf(await catalogInstalled(done.dir));
    expect([...ours.packages].sort()).toEqual([...theirs.packages].sort());
  }, TIMEOUT);

  it('gives the lockfile\'s packages and flags when the whole installed tree is cataloged with it', async () => {
    const done = lockfiles.v3;
    if (!done) throw new Error('install did not run');
    const lock = await catalogFile(npmLockCataloger, done.dir, 'package-lock.json');
    const all = await catalog(nodeFs(done.dir), { catalogers: javascriptCatalogers });
    const flags = (packages: CatalogResult['packages']) => packages.map((p) => `${p.purl} dev=${p.dev} optional=${p.optional ?? false}`);
    expect(flags(all.packages)).toEqual(flags(lock.packages));
    expect(all.packages.filter((p) => p.dev).length).toBeGreaterThan(50);
  }, TIMEOUT);

  it('reads an npm workspace as npm ls does, with each member a project of its own', async () => {
    const dir = newDir('npm-workspace');
    writeProject(dir, {
      'package.json': JSON.stringify({ name: 'gt-ws', version: '1.0.0', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '^5.5.0' } }),
    });
    writeProject(join(dir, 'packages', 'a'), {
      'package.json': JSON.stringify({ name: '@gt-ws/a', version: '1.0.0', dependencies: { express: '^4.21.0', '@gt-ws/b': '2.0.0', debug: '2.6.9' } }),
    });
    writeProject(join(dir, 'packages', 'b'), {
      'package.json': JSON.stringify({ name: '@gt-ws/b', version: '2.0.0', dependencies: { lodash: '^4.17.21', debug: '^4.3.0' } }),
    });
    await run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', join(CACHE, 'npm')], dir);
    const theirs = npmLsGraph(await runTolerant(npm, ['ls', '--all', '--json'], dir));
    const result = await catalogFile(npmLockCataloger, dir, 'package-lock.json');
    const members = new Map((result.members ?? []).map((m) => [`${m.name}@${m.version}`, m]));
    expect([...members.keys()]).toEqual(['@gt-ws/a@1.0.0', '@gt-ws/b@2.0.0']);
    const ours = graphOf({ ...result, members: [] });
    const byRef = new Map([...result.packages, ...members.values()].map((p) => [p.purl, `${p.name}@${p.version}`]));
    for (const [id, m] of members) for (const d of m.dependsOn) ours.edges.add(`${id}>${byRef.get(d)}`);
    // npm ls hangs the members under the root; here they are projects of their own, so the root -> member edges
    // are the one thing npm ls has and we do not (a -> b, a link between members, is in both).
    const theirEdges = [...theirs.edges].filter((e) => !/^\(root\)>@gt-ws\//.test(e));
    expect(theirs.edges.size - theirEdges.length).toBe(2);
    expect(ours.edges).toContain('@gt-ws/a@1.0.0>@gt-ws/b@2.0.0');
    expect([...ours.packages, ...members.keys()].sort()).toEqual([...theirs.packages].sort());
    expect([...ours.edges].sort()).toEqual(theirEdges.sort());
    expect(result.packages.filter((p) => p.name === 'debug').map((p) => p.version)).toHaveLength(2);
  }, TIMEOUT);

  it('flags the dev-only tree as dev and the production tree as not', async () => {
    const done = lockfiles.v3;
    if (!done) throw new Error('install did not run');
    const result = await catalogFile(npmLockCataloger, done.dir, 'package-lock.json');
    const byName = (name: string) => result.packages.find((p) => p.name === name);
    expect(byName('mocha')).toMatchObject({ dev: true, direct: true });
    expect(byName('typescript')).toMatchObject({ dev: true, direct: true });
    expect(byName('express')).toMatchObject({ dev: false, direct: true });
    expect(byName('body-parser')).toMatchObject({ dev: false, direct: false });
    expect(byName('@babel/code-frame')?.purl).toMatch(/^pkg:npm\/%40babel\/code-frame@/);
    expect(byName('express')?.hashes[0]?.alg).toBe('sha512');
    expect(byName('express')?.licenses).toEqual(['MIT']);
  }, TIMEOUT);
});

describe('pnpm ground truth', () => {
  const generations: Record<'v6' | 'v9', { dir: string; list: string } | undefined> = { v6: undefined, v9: undefined };

  beforeAll(async () => {
    // pnpm 10 writes lockfileVersion 9.0; pnpm 8, the last to write 6.0, runs on Node 20 from the registry.
    const install = async (pnpm: string[], name: 'v6' | 'v9') => {
      const dir = newDir(`pnpm-${name}`);
      writeProject(dir, { 'package.json': PROJECT_JSON });
      const [cmd, ...pre] = pnpm;
      if (cmd === undefined) throw new Error('no pnpm command');
      const store = join(CACHE, `pnpm-store-${name}`);
      await run(cmd, [...pre, 'install', '--ignore-scripts', '--no-frozen-lockfile', '--store-dir', store], dir);
      return { dir, list: await run(cmd, [...pre, 'list', '--depth', 'Infinity', '--json'], dir) };
    };
    generations.v9 = await install([BIN('pnpm')], 'v9');
    generations.v6 = await install(['npx', '-y', 'pnpm@8'], 'v6');
  }, TIMEOUT * 2);

  it.each(['v6', 'v9'] as const)('lockfile %s: the same packages and edges as pnpm list', async (v) => {
    const done = generations[v];
    if (!done) throw new Error('install did not run');
    expect(readFileSync(join(done.dir, 'pnpm-lock.yaml'), 'utf8')).toContain(v === 'v9' ? "lockfileVersion: '9.0'" : "lockfileVersion: '6.0'");
    const result = await catalogFile(pnpmLockCataloger, done.dir, 'pnpm-lock.yaml');
    const theirs = pnpmListGraph(done.list);
    expect(theirs.packages.size).toBeGreaterThan(100);
    const ours = withoutPackages(graphOf(result), platformSkipped(result, theirs, { listsThem: true }));
    expect([...ours.packages].sort()).toEqual([...theirs.packages].sort());
    expect([...ours.edges].sort()).toEqual([...theirs.edges].sort());
    expect(result.root?.name).toBe('rampart-ground-truth');
    const byName = (name: string) => result.packages.find((p) => p.name === name);
    expect(byName('mocha')).toMatchObject({ dev: true, direct: true });
    expect(byName('express')).toMatchObject({ dev: false, direct: true });
    expect(byName('react-dom')?.dependsOn).toContain(byName('react')?.purl);
    // npm's verdicts are no reference here: pnpm links optional peers npm leaves alone (debug -> supports-color),
    // so its graph, and with it what production reaches, differs; pnpm 8's own verdicts are.
    if (v === 'v6') expectPnpmFlags(result, readFileSync(join(done.dir, 'pnpm-lock.yaml'), 'utf8'));
  }, TIMEOUT);

  it('reads a pnpm workspace as pnpm list -r does, each importer a project', async () => {
    const dir = newDir('pnpm-workspace');
    writeProject(dir, {
      'package.json': JSON.stringify({ name: 'gt-pnpm-ws', version: '1.0.0', private: true, devDependencies: { typescript: '^5.5.0' } }),
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
    });
    writeProject(join(dir, 'packages', 'a'), {
      'package.json': JSON.stringify({ name: '@gt-pnpm-ws/a', version: '1.0.0', dependencies: { express: '^4.21.0', '@gt-pnpm-ws/b': 'workspace:*', debug: '2.6.9' } }),
    });
    writeProject(join(dir, 'packages', 'b'), {
      'package.json': JSON.stringify({ name: '@gt-pnpm-ws/b', version: '2.0.0', dependencies: { lodash: '^4.17.21', debug: '^4.3.0' } }),
    });
    const pnpm = BIN('pnpm');
    await run(pnpm, ['install', '--ignore-scripts', '--no-frozen-lockfile', '--store-dir', join(CACHE, 'pnpm-store-v9')], dir);
    const theirs = pnpmListGraph(await run(pnpm, ['list', '-r', '--depth', 'Infinity', '--json'], dir));
    const result = await catalogFile(pnpmLockCataloger, dir, 'pnpm-lock.yaml');
    expect(result.members?.map((m) => m.ref)).toEqual(['pkg:npm/%40gt-pnpm-ws/a@1.0.0', 'pkg:npm/%40gt-pnpm-ws/b@2.0.0']);
    // a's `workspace:*` link to b, which pnpm list prints as b's tree under a.
    expect(result.members?.[0]?.dependsOn).toContain('pkg:npm/%40gt-pnpm-ws/b@2.0.0');
    const ours = graphOf(result);
    expect([...ours.packages].sort()).toEqual([...theirs.packages].sort());
    expect([...ours.edges].sort()).toEqual([...theirs.edges].sort());
    expect(result.packages.find((p) => p.name === 'typescript')).toMatchObject({ dev: true, direct: true });
    expect(result.packages.find((p) => p.name === 'lodash')).toMatchObject({ dev: false, direct: true });
  }, TIMEOUT);

  it("finds in pnpm's store every package pnpm list lists but those it skipped on this platform", async () => {
    const done = generations.v9;
    if (!done) throw new Error('install did not run');
    const theirs = pnpmListGraph(done.list);
    const ours = graphOf(await catalogInstalled(done.dir));
    const skipped = [...theirs.packages].filter((p) => !ours.packages.has(p));
    expect(skipped.map((p) => p.slice(0, p.lastIndexOf('@')))).toEqual([...PLATFORM_ONLY]);
    expect([...ours.packages].sort()).toEqual([...theirs.packages].filter((p) => !skipped.includes(p)).sort());
  }, TIMEOUT);
});

describe('yarn ground truth', () => {
  const generations: Record<'classic' | 'berry', string | undefined> = { classic: undefined, berry: undefined };
  let npmVerdict: CatalogResult = { packages: [] };

  beforeAll(async () => {
    const classic = newDir('yarn-classic');
    writeProject(classic, { 'package.json': PROJECT_JSON });
    await run(BIN('yarn'), ['install', '--ignore-scripts', '--non-interactive', '--no-progress', '--cache-folder', join(CACHE, 'yarn-classic')], classic);
    generations.classic = classic;

    const berry = newDir('yarn-berry');
    // An empty yarn.lock makes the folder a project of its own, whatever is above it.
    writeProject(berry, { 'package.json': PROJECT_JSON, '.yarnrc.yml': berryRc(), 'yarn.lock': '' });
    await run('node', [YARN_BERRY, 'install'], berry, { YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' });
    generations.berry = berry;

    npmVerdict = await npmVerdictFor(PROJECT_JSON);
  }, TIMEOUT * 2);

  it.each(['classic', 'berry'] as const)('yarn %s workspace: each member a project, as installed', async (kind) => {
    const dir = newDir(`yarn-${kind}-workspace`);
    const root = { name: 'gt-yarn-ws', version: '1.0.0', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '^5.5.0' } };
    const a = { name: '@gt-yarn-ws/a', version: '1.0.0', dependencies: { express: '^4.21.0', '@gt-yarn-ws/b': kind === 'berry' ? 'workspace:*' : '2.0.0', debug: '2.6.9' } };
    const b = { name: '@gt-yarn-ws/b', version: '2.0.0', dependencies: { lodash: '^4.17.21', debug: '^4.3.0' } };
    writeProject(join(dir, 'packages', 'a'), { 'package.json': JSON.stringify(a) });
    writeProject(join(dir, 'packages', 'b'), { 'package.json': JSON.stringify(b) });
    if (kind === 'classic') {
      writeProject(dir, { 'package.json': JSON.stringify(root) });
      await run(BIN('yarn'), ['install', '--ignore-scripts', '--non-interactive', '--no-progress', '--cache-folder', join(CACHE, 'yarn-classic')], dir);
    } else {
      writeProject(dir, { 'package.json': JSON.stringify(root), '.yarnrc.yml': berryRc(), 'yarn.lock': '' });
      await run('node', [YARN_BERRY, 'install'], dir, { YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' });
    }
    const result = await catalogFile(yarnLockCataloger, dir, 'yarn.lock');
    expect(result.members?.map((m) => m.name)).toEqual(['@gt-yarn-ws/a', '@gt-yarn-ws/b']);
    // a's dependency on b, which yarn links into node_modules instead of installing.
    expect(result.members?.[0]?.dependsOn).toContain('pkg:npm/%40gt-yarn-ws/b@2.0.0');
    expect(lstatSync(join(dir, 'node_modules', '@gt-yarn-ws', 'b')).isSymbolicLink()).toBe(true);
    const projects = [
      { path: '', manifest: root },
      { path: 'packages/a', manifest: a },
      { path: 'packages/b', manifest: b },
    ];
    const theirs = installedGraph(dir, projects, { peers: kind === 'berry' });
    const ours = graphOf(result);
    expect([...ours.packages].sort()).toEqual([...theirs.packages].sort());
    expect([...ours.edges].sort()).toEqual([...theirs.edges].sort());
    expect(result.packages.find((p) => p.name === 'typescript')).toMatchObject({ dev: true, direct: true });
    expect(result.packages.find((p) => p.name === 'lodash')).toMatchObject({ dev: false, direct: true });
  }, TIMEOUT);

  it.each(['classic', 'berry'] as const)('yarn %s: the same packages and edges as the installed node_modules', async (kind) => {
    const dir = generations[kind];
    if (!dir) throw new Error('install did not run');
    const text = readFileSync(join(dir, 'yarn.lock'), 'utf8');
    expect(text).toContain(kind === 'classic' ? '# yarn lockfile v1' : '__metadata:');
    const result = await catalogFile(yarnLockCataloger, dir, 'yarn.lock');
    // Yarn 1 neither installs nor locks peer dependencies; berry installs them beside their dependent.
    const theirs = installedGraph(dir, [{ path: '', manifest: PROJECT_MANIFEST }], { peers: kind === 'berry' });
    expect(theirs.packages.size).toBeGreaterThan(100);
    const ours = withoutPackages(graphOf(result), platformSkipped(result, theirs, { listsThem: false }));
    expect([...ours.packages].sort()).toEqual([...theirs.packages].sort());
    expect([...ours.edges].sort()).toEqual([...theirs.edges].sort());
    expect(result.root?.name).toBe('rampart-ground-truth');
    const byName = (name: string) => result.packages.find((p) => p.name === name);
    expect(byName('mocha')).toMatchObject({ dev: true, direct: true });
    expect(byName('express')).toMatchObject({ dev: false, direct: true });
    // debug is an optional dependency of the project and a required one of mocha: production can go without it,
    // development cannot (npm's devOptional).
    const debug = result.packages.find((p) => p.name === 'debug' && p.direct);
    expect(debug).toMatchObject({ dev: false, optional: true });
    expect([...graphOf(await catalogInstalled(dir)).packages].sort()).toEqual([...theirs.packages].sort());
    expectNpmFlags(result, npmVerdict);
  }, TIMEOUT);
});
