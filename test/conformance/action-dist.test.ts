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

/**
 * What HEAD holds, not the working tree: the build step that runs before the tests rewrites dist/, and
 * comparing a fresh build with itself would prove nothing.
 */
function committedFiles(dir: string): Map<string, Buffer> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  const names = git('ls-tree', '-r', '--name-only', 'HEAD', '--', dir).toString().split('\n').filter(Boolean);
  return new Map(names.map((n) => [n.slice(dir.length + 1), git('show', `HEAD:${n}`)]));
}

describe('committed action bundles', () => {
  for (const name of actions) {
    it(`actions/${name}/dist in HEAD is what the sources build to`, () => {
      const dir = join(root, 'actions', name);
      const committed = committedFiles(`actions/${name}/dist`);
      expect(committed.has('index.js'), `actions/${name}/dist/index.js is not committed`).toBe(true);
      const fresh = mkdtempSync(join(tmpdir(), `rampart-dist-${name}-`));
      execFileSync(tsup, ['--out-dir', fresh, '--silent'], { cwd: dir, stdio: 'pipe' });
      // Actions with native dependencies vendor them (and their rule packs) into dist/ after the bundle.
      const vendor = join(dir, 'scripts/vendor.mjs');
      if (existsSync(vendor)) execFileSync(process.execPath, [vendor, fresh], { cwd: dir, stdio: 'pipe' });
      // Others vendor npm packages that read their own files at run time (the CycloneDX library's schemas).
      const build = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: { build?: string } }).scripts?.build ?? '';
      const packages = /vendor-packages\.mjs \. dist ([^&]+)$/.exec(build)?.[1]?.trim().split(/\s+/) ?? [];
      if (packages.length > 0) {
        execFileSync(process.execPath, [join(root, 'scripts/vendor-packages.mjs'), dir, fresh, ...packages], { cwd: dir, stdio: 'pipe' });
      }
      const files = listFiles(fresh).sort();
      expect([...committed.keys()].sort()).toEqual(files);
      for (const f of files) {
        const same = readFileSync(join(fresh, f)).equals(committed.get(f) ?? Buffer.alloc(0));
        expect(same, `actions/${name}/dist/${f} is stale: run \`npx -y pnpm@10 build\` and commit dist/`).toBe(true);
      }
    });
  }
});
