import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeFs } from '../../fs/node.js';
import { pipfileLockCataloger as c } from './pipfile-lock.js';
import { expectConsistent, textRunner } from '../testing.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

const runText = textRunner(c, 'svc/Pipfile.lock');


describe('python-pipfile-lock', () => {
  it('reads default and develop with the Pipfile for direct dependencies', async () => {
    const fs = nodeFs(join(fixtures, 'py-pipenv'));
    const { packages, problems } = await c.catalog({ path: 'Pipfile.lock', text: () => fs.readText('Pipfile.lock'), fs, logger: recordingLogger() });
    const by = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(Object.keys(by).sort()).toEqual(['certifi', 'iniconfig', 'pytest', 'requests']);
    expect(by.requests).toMatchObject({ purl: 'pkg:pypi/requests@2.31.0', direct: true, dev: false });
    expect(by.certifi).toMatchObject({ direct: false, dev: false });
    expect(by.pytest).toMatchObject({ direct: true, dev: true });
    expect(by.iniconfig).toMatchObject({ direct: false, dev: true });
    expect(by.requests?.hashes).toEqual([{ alg: 'sha256', value: '58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f' }]);
    expect(problems?.[0]?.message).toMatch(/mylib has no pinned version/);
  });

  it('reads the real python-rsa Pipfile.lock', async () => {
    const fs = nodeFs(join(fixtures, 'py-pipenv-real'));
    const { packages, problems } = await c.catalog({ path: 'Pipfile.lock', text: () => fs.readText('Pipfile.lock'), fs, logger: recordingLogger() });
    expect(problems).toEqual([]);
    expect(packages).toHaveLength(42);
    expect(packages.find((p) => p.name === 'pyasn1')).toMatchObject({
      purl: 'pkg:pypi/pyasn1@0.4.4',
      direct: true,
      dev: false,
      hashes: [{ alg: 'sha256', value: 'b9d3abc5031e61927c82d4d96c1cec1e55676c1a991623cfed28faea73cdd7ca' }],
    });
    expect(packages.find((p) => p.name.toLowerCase() === 'sphinx')).toMatchObject({ direct: true, dev: true });
    expect(packages.filter((p) => p.dev)).toHaveLength(41);
  });

  it('refuses an unknown pipfile-spec and non-JSON with a UserError naming the file', async () => {
    await expect(runText('{"_meta": {"pipfile-spec": 7}, "default": {}}')).rejects.toThrow(/svc\/Pipfile\.lock: field _meta\.pipfile-spec/);
    await expect(runText('{"_meta": {"pipfile-spec": 6}, "default": []}')).rejects.toThrow(/field default/);
    await expect(runText('{')).rejects.toBeInstanceOf(UserError);
  });

  it('parses or throws UserError for any input', async () => {
    const section = fc.dictionary(fc.string(), fc.oneof(fc.anything(), fc.record({ version: fc.string(), hashes: fc.array(fc.string()) })));
    const doc = fc.oneof(
      fc.anything(),
      fc.record({ _meta: fc.record({ 'pipfile-spec': fc.constantFrom(6, 5, '6') }), default: section, develop: fc.anything() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), doc.map((d) => JSON.stringify(d) ?? '')), async (text) => {
        try {
          const r = await runText(text);
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
