import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeFs } from '../../fs/node.js';
import { packagesLockCataloger as c } from './packages-lock.js';
import { expectConsistent, fixtureRunner, textRunner } from '../testing.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

const run = fixtureRunner(c, 'packages.lock.json');
const runText = textRunner(c, 'src/Api/packages.lock.json');


describe('dotnet-packages-lock', () => {
  it('reads every target framework once per package, skips project references, resolves edges', async () => {
    const { packages, problems } = await run('dotnet-v1');
    const by = Object.fromEntries(packages.map((p) => [p.purl, p]));
    expect(Object.keys(by).sort()).toEqual([
      'pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0',
      'pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.0',
      'pkg:nuget/Newtonsoft.Json@13.0.3',
      'pkg:nuget/newtonsoft.json@13.0.1',
    ]);
    expect(problems).toEqual([]);
    expect(by['pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.0']).toMatchObject({
      direct: true,
      dependsOn: ['pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0'],
    });
    expect(by['pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0']?.direct).toBe(false);
    const hash = by['pkg:nuget/Newtonsoft.Json@13.0.3']?.hashes[0];
    expect(hash?.alg).toBe('sha512');
    expect(hash?.value).toBe(Buffer.from('HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lMReHMOagPa+zQ==', 'base64').toString('hex'));
  });

  it('reads a real lock file with empty runtime sections', async () => {
    const { root, packages, problems } = await run('dotnet-real');
    expect(root).toBeUndefined();
    expect(problems).toEqual([]);
    expect(packages.map((p) => p.purl).sort()).toEqual([
      'pkg:nuget/McMaster.Extensions.CommandLineUtils@5.0.1',
      'pkg:nuget/Octokit@14.0.0',
      'pkg:nuget/Unfucked.Caching@0.0.1-beta.3',
      'pkg:nuget/Unfucked@0.0.1-beta.34',
      'pkg:nuget/fasterflect@3.0.0',
    ]);
    expect(packages.every((p) => p.direct && p.hashes[0]?.alg === 'sha512' && p.hashes[0].value.length === 128)).toBe(true);
  });

  it('reads version 2 with CentralTransitive entries and the project file beside it as root', async () => {
    const fs = nodeFs(join(fixtures, 'dotnet-v2-cpm'));
    const path = 'Shop.Api/packages.lock.json';
    const { root, packages } = await c.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
    expect(root).toMatchObject({ name: 'Shop.Api', version: '2.3.0', purl: 'pkg:nuget/Shop.Api@2.3.0', licenses: ['MIT'], dependsOn: ['pkg:nuget/Serilog.Sinks.Console@5.0.1'] });
    const serilog = packages.find((p) => p.name === 'Serilog');
    expect(serilog).toMatchObject({ version: '3.1.1', direct: false });
    expect(packages.find((p) => p.name === 'Serilog.Sinks.Console')?.dependsOn).toEqual(['pkg:nuget/Serilog@3.1.1']);
  });

  it('refuses unknown versions and malformed files with a UserError naming the file', async () => {
    await expect(runText('{"version": 3, "dependencies": {}}')).rejects.toThrow(/src\/Api\/packages\.lock\.json: field version: has version 3/);
    await expect(runText('{"version": 1}')).rejects.toThrow(/field dependencies/);
    await expect(runText('nope')).rejects.toBeInstanceOf(UserError);
  });

  it('parses or throws UserError for any input', async () => {
    const entry = fc.record({ type: fc.constantFrom('Direct', 'Transitive', 'Project', 'CentralTransitive', 'X'), resolved: fc.string(), contentHash: fc.string(), dependencies: fc.dictionary(fc.string(), fc.string()) }, { requiredKeys: [] });
    const doc = fc.record({ version: fc.constantFrom(1, 2, 3, '1'), dependencies: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.dictionary(fc.string(), entry), fc.anything())), fc.anything()) }, { requiredKeys: [] });
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
