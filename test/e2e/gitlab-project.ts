import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI_BIN, ROOT } from './paths.js';

export const GCL = resolve(ROOT, 'node_modules/.bin/gitlab-ci-local');

export interface Project {
  dir: string;
  bin: string;
}

/**
 * A throwaway GitLab project that includes our templates the way a user's pipeline would. `files` maps
 * paths inside the project to paths in this repository to copy there.
 */
export function makeProject(ci: string, files: Record<string, string>): Project {
  const base = mkdtempSync(join(tmpdir(), 'rampart-gcl-'));
  const dir = join(base, 'project');
  const bin = join(base, 'bin');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  mkdirSync(bin);
  cpSync(resolve(ROOT, 'templates'), join(dir, 'templates'), { recursive: true, filter: (p) => !p.endsWith('.test.ts') });
  for (const [to, from] of Object.entries(files)) cpSync(resolve(ROOT, from), join(dir, to), { recursive: true });
  writeFileSync(join(dir, '.gitlab-ci.yml'), ci);
  // The image would carry `rampart`; in shell mode the job finds ours on PATH.
  writeFileSync(join(bin, 'rampart'), `#!/bin/sh\nexec node ${JSON.stringify(CLI_BIN)} "$@"\n`);
  chmodSync(join(bin, 'rampart'), 0o755);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', 'https://gitlab.example.com/group/app.git');
  git('add', '-A');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'init');
  return { dir, bin };
}

export function runPipeline(p: Project): { status: number | null; output: string } {
  const res = spawnSync(GCL, ['--force-shell-executor', '--no-color'], {
    cwd: p.dir,
    env: { ...process.env, PATH: `${p.bin}:${process.env.PATH ?? ''}` },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: res.status, output: `${res.stdout}\n${res.stderr}` };
}

/**
 * The same as runPipeline, without blocking: for tests whose pipeline calls a server running in the test process
 * itself (a target app, an OSV server), which spawnSync would freeze.
 */
export function runPipelineAsync(p: Project): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(GCL, ['--force-shell-executor', '--no-color'], { cwd: p.dir, env: { ...process.env, PATH: `${p.bin}:${process.env.PATH ?? ''}` } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}
