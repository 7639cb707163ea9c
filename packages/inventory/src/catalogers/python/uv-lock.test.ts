import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeFs } from '../../fs/node.js';
import { uvLockCataloger as c } from './uv-lock.js';
import { expectConsistent, textRunner } from '../testing.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

const runText = textRunner(c, 'p/uv.lock');


describe('python-uv-lock', () => {
  it('takes the editable "." package as the root and derives direct and dev from it', async () => {
    const fs = nodeFs(join(fixtures, 'py-uv'));
    const { root, packages } = await c.catalog({ path: 'uv.lock', text: () => fs.readText('uv.lock'), fs, logger: recordingLogger() });
    const by = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(by['hello-uv']).toBeUndefined();
    expect(root).toMatchObject({ name: 'hello-uv', version: '0.1.0', purl: 'pkg:pypi/hello-uv@0.1.0', licenses: ['Apache-2.0'] });
    expect(root?.dependsOn.sort()).toEqual(['pkg:pypi/anyio@4.4.0', 'pkg:pypi/pytest@8.3.2']);
    expect(by.anyio).toMatchObject({ direct: true, dev: false });
    expect(by.anyio?.dependsOn.sort()).toEqual(['pkg:pypi/idna@3.7', 'pkg:pypi/sniffio@1.3.1']);
    expect(by.anyio?.hashes).toEqual([{ alg: 'sha256', value: '5aadc6a1bbb7cdb0bede386cac5e2940f5e2ff3aa20277e991cf028e0585ce94' }]);
    expect(by.iniconfig?.hashes[0]?.value).toBe('b6a85871a79d2e3b22d2d1b94ac2824226a63c6b741c88f7ae975f18b6778374');
    expect(by.pytest).toMatchObject({ direct: true, dev: true });
    expect(by.pluggy).toMatchObject({ direct: false, dev: true });
    expect(by.idna).toMatchObject({ direct: false, dev: false });
  });

  it('drops the self-edge of a package whose extra needs its own other extra', async () => {
    const text = 'version = 1\n[[package]]\nname = "a"\nversion = "1.0"\nsource = { registry = "x" }\n[package.optional-dependencies]\nall = [{ name = "a", extra = ["web"] }]\n';
    const { packages } = await runText(text);
    expect(packages[0]?.dependsOn).toEqual([]);
  });

  it('resolves an edge by version when two versions are locked', async () => {
    const text = `version = 1
[[package]]
name = "app"
version = "1.0"
source = { virtual = "." }
dependencies = [{ name = "a" }]
[[package]]
name = "a"
version = "1.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "b", version = "2.0", source = { registry = "https://pypi.org/simple" } }]
[[package]]
name = "b"
version = "1.0"
source = { registry = "https://pypi.org/simple" }
[[package]]
name = "b"
version = "2.0"
source = { registry = "https://pypi.org/simple" }
`;
    const { packages } = await runText(text);
    expect(packages.find((p) => p.name === 'a')?.dependsOn).toEqual(['pkg:pypi/b@2.0']);
  });

  it('refuses an unknown version with a UserError naming the file', async () => {
    await expect(runText('version = 2\n')).rejects.toThrow(/p\/uv\.lock: field version: has version 2/);
    await expect(runText('[[package]]\nname = "a"\n')).rejects.toBeInstanceOf(UserError);
  });

  it('parses or throws UserError for any input', async () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('version = 1', '[[package]]', 'name = "a"', 'version = "1"', 'source = { editable = "." }',
        'dependencies = [{ name = "a" }]', 'dependencies = 3', 'sdist = { hash = "sha256:ab" }', 'wheels = [1]', '[package.dev-dependencies]', 'dev = [{ name = 1 }]'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 10 }), async (lines) => {
        try {
          const r = await runText(lines.join('\n'));
          expectConsistent(r);
          expect(Array.isArray(r.packages)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
