import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryFs } from '../../fs/memory.js';
import { nodeFs } from '../../fs/node.js';
import { composerLockCataloger as c } from './composer-lock.js';
import { expectConsistent } from '../testing.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

async function runText(text: string, files: Record<string, string> = {}) {
  const path = 'web/composer.lock';
  return c.catalog({ path, text: async () => text, fs: memoryFs({ [path]: text, ...files }), logger: recordingLogger() });
}


describe('php-composer-lock', () => {
  it('reads packages and packages-dev, licenses, shasum, edges through provide, and the composer.json root', async () => {
    const fs = nodeFs(join(fixtures, 'php-composer'));
    const { root, packages } = await c.catalog({ path: 'composer.lock', text: () => fs.readText('composer.lock'), fs, logger: recordingLogger() });
    const by = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(root).toMatchObject({ name: 'acme/invoice-service', purl: 'pkg:composer/acme/invoice-service' });
    expect(root?.licenses).toBeUndefined();
    expect(root?.dependsOn.sort()).toEqual(['pkg:composer/monolog/monolog@3.5.0', 'pkg:composer/phpunit/php-timer@6.0.0']);
    expect(by['monolog/monolog']).toMatchObject({ direct: true, dev: false, licenses: ['MIT'], hashes: [], dependsOn: ['pkg:composer/psr/log@3.0.0'] });
    expect(by['psr/log']).toMatchObject({ direct: false, hashes: [{ alg: 'sha1', value: '4f0d4e2ae8d5f0e8a5a8d8f6b6d3c1a0f9e8d7c6' }] });
    expect(by['acme/logger-bridge']).toMatchObject({ version: 'v1.2.0', licenses: ['GPL-2.0-or-later OR MIT'], dependsOn: ['pkg:composer/monolog/monolog@3.5.0'] });
    expect(by['phpunit/php-timer']).toMatchObject({ dev: true, direct: true });
  });

  it('reads a composer.json saved with a byte order mark', async () => {
    const { root } = await runText('{"packages": []}', { 'web/composer.json': '\uFEFF{"name": "acme/app"}' });
    expect(root?.name).toBe('acme/app');
  });

  it('guesses direct packages from the graph without composer.json', async () => {
    const lock = JSON.stringify({ packages: [{ name: 'a/a', version: '1.0.0', require: { 'b/b': '^1' } }, { name: 'b/b', version: '1.0.0' }] });
    const { root, packages } = await runText(lock);
    expect(root).toBeUndefined();
    expect(packages.map((p) => [p.name, p.direct])).toEqual([['a/a', true], ['b/b', false]]);
  });

  it('refuses non-JSON, a missing packages array and an unknown plugin API, naming the file', async () => {
    await expect(runText('{')).rejects.toThrow(/web\/composer\.lock: is not valid JSON/);
    await expect(runText('{"packages": {}}')).rejects.toThrow(/field packages/);
    await expect(runText('{"packages": [], "plugin-api-version": "3.0.0"}')).rejects.toThrow(/field plugin-api-version/);
    await expect(runText('{"packages": []}', { 'web/composer.json': '[' })).rejects.toThrow('web/composer.json');
  });

  it('parses or throws UserError for any input', async () => {
    const pkg = fc.record({ name: fc.oneof(fc.string(), fc.constantFrom('a/b', 'c/d', 'php')), version: fc.string(), require: fc.dictionary(fc.constantFrom('a/b', 'c/d', 'php', 'ext-x'), fc.string()), license: fc.anything(), dist: fc.anything() }, { requiredKeys: [] });
    const doc = fc.record({ packages: fc.oneof(fc.array(pkg), fc.anything()), 'packages-dev': fc.anything(), 'plugin-api-version': fc.anything() }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), doc.map((d) => JSON.stringify(d) ?? '')), async (text) => {
        try {
          expectConsistent(await runText(text));
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
