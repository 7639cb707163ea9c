import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeFs } from '../../fs/node.js';
import { pythonInstalledCataloger as c } from './installed.js';
import { textRunner } from '../testing.js';

const root = fileURLToPath(new URL('../../../test/fixtures/py-installed/', import.meta.url));

async function runReal(path: string) {
  const fs = nodeFs(root);
  const { packages } = await c.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
  expect(packages).toHaveLength(1);
  return packages[0];
}
const runText = textRunner(c, 'site/x.dist-info/METADATA');

describe('python-installed (real Debian 12 metadata)', () => {
  it('claims METADATA and PKG-INFO of installed distributions', () => {
    expect(c.claims('usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO')).toBe(true);
    expect(c.claims('venv/lib/python3.11/site-packages/idna-3.6.dist-info/METADATA')).toBe(true);
    expect(c.claims('usr/lib/python3/dist-packages/foo-1.0.egg-info')).toBe(true);
    expect(c.claims('x.dist-info/RECORD')).toBe(false);
  });

  it('reads name, version and the License field when it is SPDX', async () => {
    const pkg = await runReal('dist-packages/PyYAML-6.0.dist-info/METADATA');
    expect(pkg).toMatchObject({ name: 'PyYAML', version: '6.0', purl: 'pkg:pypi/pyyaml@6.0', licenses: ['MIT'] });
    const crypto = await runReal('dist-packages/cryptography-38.0.4.dist-info/METADATA');
    expect(crypto?.licenses).toEqual(['BSD-3-Clause OR Apache-2.0']);
  });

  it('falls back to license classifiers when the License field is free text or absent', async () => {
    expect((await runReal('dist-packages/blinker-1.5.dist-info/METADATA'))?.licenses).toEqual(['MIT']);
    expect((await runReal('dist-packages/pyparsing-3.0.9.dist-info/METADATA'))?.licenses).toEqual(['MIT']);
    expect((await runReal('dist-packages/PyGObject-3.42.2.egg-info/PKG-INFO'))?.licenses).toEqual(['LGPL-2.0-or-later']);
  });

  it('reads egg-info PKG-INFO', async () => {
    const pkg = await runReal('dist-packages/lazr.uri-1.0.6.egg-info/PKG-INFO');
    expect(pkg).toMatchObject({ name: 'lazr.uri', version: '1.0.6', purl: 'pkg:pypi/lazr.uri@1.0.6' });
    expect((await runReal('dist-packages/PyJWT-2.6.0.egg-info/PKG-INFO'))?.purl).toBe('pkg:pypi/pyjwt@2.6.0');
  });

  it('prefers License-Expression (metadata 2.4)', async () => {
    const { packages } = await runText('Metadata-Version: 2.4\nName: a\nVersion: 1\nLicense-Expression: Apache-2.0 OR MIT\nClassifier: License :: OSI Approved :: MIT License\n');
    expect(packages[0]?.licenses).toEqual(['Apache-2.0 OR MIT']);
  });

  it('refuses missing headers and unknown metadata versions with a UserError naming the file', async () => {
    await expect(runText('Metadata-Version: 3.0\nName: a\nVersion: 1\n')).rejects.toThrow(/site\/x\.dist-info\/METADATA: field Metadata-Version/);
    await expect(runText('Metadata-Version: 2.1\nName: a\n')).rejects.toThrow(/has no Version header/);
    await expect(runText('not a header\n')).rejects.toBeInstanceOf(UserError);
  });

  it('parses or throws UserError for any input', async () => {
    const line = fc.oneof(fc.string(), fc.constantFrom('Metadata-Version: 2.1', 'Name: x', 'Version: 1', 'License: MIT', ' continued', 'Classifier: License :: OSI Approved :: MIT License', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), async (lines) => {
        try {
          const r = await runText(lines.join('\n'));
          expect(r.packages).toHaveLength(1);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
