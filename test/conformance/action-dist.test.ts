import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsup = resolve(root, 'node_modules/.bin/tsup');
const actions = readdirSync(join(root, 'actions')).filter((d) => existsSync(join(root, 'actions', d, 'action.yml')));

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

describe('committed action bundles', () => {
  for (const name of actions) {
    it(`actions/${name}/dist is what the sources build to`, () => {
      const dir = join(root, 'actions', name);
      const committed = join(dir, 'dist');
      expect(existsSync(join(committed, 'index.js')), `actions/${name}/dist/index.js is not committed`).toBe(true);
      const fresh = mkdtempSync(join(tmpdir(), `rampart-dist-${name}-`));
      execFileSync(tsup, ['--out-dir', fresh, '--silent'], { cwd: dir, stdio: 'pipe' });
      const files = listFiles(fresh).sort();
      expect(listFiles(committed).sort()).toEqual(files);
      for (const f of files) {
        const same = readFileSync(join(fresh, f)).equals(readFileSync(join(committed, f)));
        expect(same, `actions/${name}/dist/${f} is stale: run \`npx -y pnpm@10 build\` and commit dist/`).toBe(true);
      }
    });
  }
});
