import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanSecretsInHistory } from './history.js';
import { loadExamples } from './test-support.js';

const examples = loadExamples();
const line = (id: string): string => examples[id]?.positive[0] ?? '';

let root = '';
const commits: string[] = [];

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_NOSYSTEM: '1', HOME: root,
    },
  }).trim();
}

function commit(message: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) unlinkSync(join(root, path));
    else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  }
  git('add', '-A');
  git('commit', '-q', '-m', message);
  commits.push(git('rev-parse', 'HEAD'));
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'rampart-secrets-history-'));
  git('init', '-q', '-b', 'main');
  commit('base', { 'README.md': '# app\n' });
  // A secret added, then deleted: it stays in the history.
  commit('add settings', { '.env': `NODE_ENV=production\n${line('secrets.github-pat')}\n` });
  commit('remove token', { '.env': 'NODE_ENV=production\n' });
  // A PEM block added below existing lines, and an untouched secret-bearing line edited around.
  commit('add key', {
    'deploy/key.pem': `# staging\n\n${line('secrets.private-key')}\n`,
    'README.md': `# app\n\nSee docs.\n${line('secrets.stripe-secret-key')}\n`,
  });
  commit('lockfile', { 'package-lock.json': `{"token": "${line('secrets.npm-token').split('=')[1]}"}\n` });
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('scanSecretsInHistory', () => {
  it('reports secrets added after the ref, naming the commit, including deleted ones', async () => {
    const found = await scanSecretsInHistory(root, commits[0]);
    const summary = found.map((f) => [f.ruleId, f.location.type === 'source' ? `${f.location.path}:${f.location.startLine}` : '']);
    expect(summary).toEqual([
      ['secrets.github-pat', '.env:2'],
      ['secrets.stripe-secret-key', 'README.md:4'],
      ['secrets.private-key', 'deploy/key.pem:3'],
    ]);
    expect(found[0]?.message).toContain(`commit ${commits[1]?.slice(0, 12)}`);
    expect(found[2]?.message).toContain(`commit ${commits[3]?.slice(0, 12)}`);
    expect(JSON.stringify(found)).not.toContain(line('secrets.github-pat').split('=')[1]);
  });

  it('scans only the commits after the ref', async () => {
    const found = await scanSecretsInHistory(root, commits[2]);
    expect(found.map((f) => f.ruleId)).toEqual(['secrets.stripe-secret-key', 'secrets.private-key']);
  });

  it('scans every commit when no ref is given, and honours allowPaths', async () => {
    const all = await scanSecretsInHistory(root, undefined);
    expect(all).toHaveLength(3);
    const some = await scanSecretsInHistory(root, undefined, { allowPaths: ['deploy/**'] });
    expect(some.map((f) => f.ruleId)).toEqual(['secrets.github-pat', 'secrets.stripe-secret-key']);
  });

  it('a ref that does not exist is a user error', async () => {
    await expect(scanSecretsInHistory(root, 'no-such-branch')).rejects.toThrow(/no-such-branch/);
    await expect(scanSecretsInHistory(root, '--output=/tmp/x')).rejects.toThrow();
  });
});
