import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGithub, type FakeGithub } from '../../../test/harness/fake-github.js';
import { runAction } from '../../../test/harness/github-runner.js';
import { checkSpecAgainstActionYml } from './github/action-yml.js';
import { inputSpec } from '../test/fixtures/publish-action/main.js';

const fixture = fileURLToPath(new URL('../test/fixtures/publish-action/', import.meta.url));
const actionYml = readFileSync(join(fixture, 'action.yml'), 'utf8');
const out = mkdtempSync(join(tmpdir(), 'rampart-ci-bundle-'));
let gh: FakeGithub;

beforeAll(async () => {
  // Bundled as the actions are (ESM for Node 20, every dependency inside), to prove the package survives it.
  await build({
    entry: { index: join(fixture, 'index.ts') },
    outDir: out, format: ['esm'], target: 'node20', platform: 'node', noExternal: [/.*/], silent: true, config: false,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    esbuildOptions(o) {
      o.conditions = ['@rampart/source', 'import', 'module', 'node', 'default'];
    },
  });
  gh = await startFakeGithub();
});
afterAll(async () => {
  await gh?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('a bundled action using @rampart/ci', () => {
  it('has an input spec that matches its action.yml', () => {
    expect(checkSpecAgainstActionYml(inputSpec, actionYml)).toEqual([]);
  });

  it('comments, uploads and sets outputs when run like the runner runs it', async () => {
    const run = () => runAction({ script: join(out, 'index.js'), cwd: fixture, actionYml, apiUrl: gh.url, env: { FIXTURE_FAST: '1' } });
    const r = await run();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ total: '0', gate: 'passed', 'report-dir': 'rampart-reports' });
    expect(r.summary).toContain('## Rampart fixture');
    expect(gh.comments).toHaveLength(1);
    expect(gh.sarifs).toHaveLength(1);
    expect(r.masked.length).toBeGreaterThan(0);
    expect(r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain(r.masked[0]);
    const again = await run();
    expect(again.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });

  it('stays green on a fork PR, with notices', async () => {
    gh.denyWrites = 403;
    const r = await runAction({ script: join(out, 'index.js'), cwd: fixture, actionYml, apiUrl: gh.url, inputs: { 'comment-id': 'fork' }, env: { FIXTURE_FAST: '1' } });
    gh.denyWrites = null;
    expect(r.code).toBe(0);
    expect(r.commands.filter((c) => c.command === 'notice').map((c) => c.message).join('\n')).toMatch(/skipped the PR comment[\s\S]*skipped the SARIF upload/);
  });
});
