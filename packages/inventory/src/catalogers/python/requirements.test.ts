import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cataloger } from '../../cataloger.js';
import { memoryFs } from '../../fs/memory.js';
import { nodeFs } from '../../fs/node.js';
import { pythonRequirementsCataloger as c } from './requirements.js';
import { expectConsistent } from '../testing.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

async function run(cataloger: Cataloger, caseDir: string, path: string) {
  const fs = nodeFs(join(fixtures, caseDir));
  return cataloger.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
}

async function runText(path: string, text: string, files: Record<string, string> = {}) {
  return c.catalog({ path, text: async () => text, fs: memoryFs({ [path]: text, ...files }), logger: recordingLogger() });
}


describe('python-requirements', () => {
  it('claims requirements files only', () => {
    expect(c.claims('requirements.txt')).toBe(true);
    expect(c.claims('a/requirements-dev.txt')).toBe(true);
    expect(c.claims('requirements.in')).toBe(false);
    expect(c.claims('requirements/common.txt')).toBe(false);
  });

  it('reads pinned lines, extras, markers, hashes and includes; reports the rest as problems', async () => {
    const result = await run(c, 'py-requirements', 'requirements.txt');
    const byName = Object.fromEntries(result.packages.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['Django_Rest', 'pywin32', 'requests', 'urllib3', 'zope.interface']);
    expect(byName.requests?.purl).toBe('pkg:pypi/requests@2.31.0');
    expect(byName.requests?.hashes).toEqual([
      { alg: 'sha256', value: '58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f' },
    ]);
    expect(byName.Django_Rest?.purl).toBe('pkg:pypi/django-rest@1.0');
    expect(byName.urllib3?.locations).toEqual(['requirements.txt', 'requirements/common.txt']);
    expect(byName['zope.interface']?.version).toBe('6.1');
    expect(result.packages.every((p) => p.direct && !p.dev)).toBe(true);
    const messages = (result.problems ?? []).map((p) => p.message).join('\n');
    expect(messages).toMatch(/line 9: flask is not pinned/);
    expect(messages).toMatch(/line 10: editable requirement/);
  });

  it('marks a requirements-dev file dev and leaves included runtime files runtime', async () => {
    const result = await run(c, 'py-requirements', 'requirements-dev.txt');
    const pytest = result.packages.find((p) => p.name === 'pytest');
    expect(pytest?.dev).toBe(true);
    expect(result.packages.find((p) => p.name === 'requests')?.dev).toBe(false);
    const underTests = await runText('tests/app/requirements.txt', 'six==1.16.0\n');
    expect(underTests.packages[0]?.dev).toBe(false);
  });

  it('turns pip-compile "# via" annotations into edges and direct flags', async () => {
    const result = await run(c, 'py-pip-compile', 'requirements.txt');
    const byName = Object.fromEntries(result.packages.map((p) => [p.name, p]));
    expect(byName.requests?.direct).toBe(true);
    expect(byName.urllib3?.direct).toBe(true);
    expect(byName.idna?.direct).toBe(false);
    expect(byName.requests?.dependsOn.sort()).toEqual([
      'pkg:pypi/certifi@2023.11.17',
      'pkg:pypi/charset-normalizer@3.3.2',
      'pkg:pypi/idna@3.6',
      'pkg:pypi/urllib3@2.1.0',
    ]);
  });

  it('reports every line of the real pip docs requirements as a problem, the local "." included', async () => {
    const result = await run(c, 'py-requirements-real', 'requirements.txt');
    expect(result.packages).toEqual([]);
    const messages = (result.problems ?? []).map((p) => p.message);
    expect(messages).toHaveLength(8);
    expect(messages).toContain('line 1: sphinx is not pinned with == (~=4.2,!=4.4.0)');
    expect(messages).toContain('line 11: a path or URL, not a pinned package: .');
  });

  it('pins unpinned requirements through -c constraints files, which add no packages themselves', async () => {
    const result = await run(c, 'py-constraints', 'requirements.txt');
    expect(result.packages.map((p) => [p.purl, p.locations])).toEqual([['pkg:pypi/flask@3.0.0', ['requirements.txt', 'constraints.txt']]]);
    expect(result.problems?.map((p) => p.message)).toEqual(['line 4: requests is not pinned with == (>=2.31)']);
  });

  it('reads UTF-16 (PowerShell pip freeze) and UTF-8 with a byte order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('six==1.16.0\r\nidna==3.6\r\n', 'utf16le')]);
    const fs = memoryFs({ 'requirements.txt': new Uint8Array(utf16) });
    const r16 = await c.catalog({ path: 'requirements.txt', text: () => fs.readText('requirements.txt'), fs, logger: recordingLogger() });
    expect(r16.packages.map((p) => p.purl)).toEqual(['pkg:pypi/six@1.16.0', 'pkg:pypi/idna@3.6']);
    const bom = await runText('requirements.txt', '\uFEFFsix==1.16.0\n');
    expect(bom.packages.map((p) => p.purl)).toEqual(['pkg:pypi/six@1.16.0']);
  });

  it('reports a missing include and stops include cycles', async () => {
    const missing = await runText('requirements.txt', '-r nope.txt\nsix==1.16.0\n');
    expect(missing.problems?.[0]?.message).toMatch(/nope\.txt was not found/);
    const cyc = await runText('requirements.txt', '-r requirements-b.txt\na==1\n', { 'requirements-b.txt': '-r requirements.txt\nb==2\n' });
    expect(cyc.packages.map((p) => p.name).sort()).toEqual(['a', 'b']);
  });

  it('refuses an invalid requirement line with a UserError naming the file and line', async () => {
    const run1 = runText('reqs/requirements.txt', 'six==1.16.0\nthis is not a requirement\n');
    await expect(run1).rejects.toBeInstanceOf(UserError);
    await expect(run1).rejects.toThrow('reqs/requirements.txt:2');
  });

  it('parses or throws UserError for any input', async () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('a==1', '-r x.txt', '# via a', '#   b', 'x[y]==2 ; python_version<"3"', '--hash=sha256:00', '\\'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), async (lines) => {
        try {
          const r = await runText('requirements.txt', lines.join('\n'));
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
