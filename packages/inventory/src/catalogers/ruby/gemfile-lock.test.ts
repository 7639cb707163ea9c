import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gemfileLockCataloger as c } from './gemfile-lock.js';
import { expectConsistent, fixtureRunner, textRunner } from '../testing.js';


const run = fixtureRunner(c, 'Gemfile.lock');
const runText = textRunner(c, 'app/Gemfile.lock');


describe('ruby-gemfile-lock', () => {
  it('claims Gemfile.lock, gems.locked and appraisal lockfiles', () => {
    expect(c.claims('Gemfile.lock')).toBe(true);
    expect(c.claims('gemfiles/rails_7.gemfile.lock')).toBe(true);
    expect(c.claims('x/gems.locked')).toBe(true);
    expect(c.claims('Gemfile')).toBe(false);
  });

  it('reads GEM and GIT specs, platforms, direct gems, edges and CHECKSUMS', async () => {
    const { root, packages } = await run('ruby-bundler');
    const by = Object.fromEntries(packages.map((p) => [p.purl, p]));
    expect(root).toBeUndefined();
    expect(packages).toHaveLength(9);
    expect(by['pkg:gem/nokogiri@1.15.4?platform=x86_64-linux']).toMatchObject({
      name: 'nokogiri',
      version: '1.15.4',
      direct: true,
      hashes: [{ alg: 'sha256', value: '4ba3a9dc0b69fd6a2a1bbf1c1e2c9c3e3a9a7d1e5c6b5b5f6f8a1f0e2b0f4d2c' }],
      dependsOn: ['pkg:gem/racc@1.7.3'],
    });
    expect(by['pkg:gem/nokogiri@1.15.4']?.dependsOn.sort()).toEqual(['pkg:gem/mini_portile2@2.8.5', 'pkg:gem/racc@1.7.3']);
    expect(by['pkg:gem/rack-attack@6.7.0']).toMatchObject({ direct: true, dependsOn: ['pkg:gem/rack@3.0.8'] });
    expect(by['pkg:gem/racc@1.7.3']?.direct).toBe(false);
    expect(by['pkg:gem/rspec@3.12.0']).toMatchObject({ direct: true, dev: true, hashes: [] });
    expect(by['pkg:gem/rspec-core@3.12.2']).toMatchObject({ direct: false, dev: true });
    expect(by['pkg:gem/rake@13.1.0']?.dev).toBe(true);
    expect(by['pkg:gem/racc@1.7.3']?.dev).toBe(false);
  });

  it('reads a real Bundler 4 lockfile with a checksum for every gem', async () => {
    const { packages } = await run('ruby-jekyll-real');
    expect(packages).toHaveLength(36);
    expect(packages.every((p) => p.hashes.length === 1)).toBe(true);
    expect(packages.filter((p) => p.direct).map((p) => p.name).sort()).toEqual(['jekyll', 'jekyll-feed', 'minima', 'webrick']);
    const ffi = packages.find((p) => p.name === 'ffi');
    expect(ffi?.purl).toBe('pkg:gem/ffi@1.17.3?platform=aarch64-linux-gnu');
    expect(packages.find((p) => p.name === 'rb-inotify')?.dependsOn).toEqual([ffi?.purl]);
    expect(packages.find((p) => p.name === 'listen')?.dependsOn).toContain('pkg:gem/logger@1.6.0');
  });

  it('takes the PATH "." gem of a gemspec project as the root', async () => {
    const { root, packages } = await run('ruby-gemspec');
    expect(root).toMatchObject({ name: 'tiny_gem', version: '0.4.1', purl: 'pkg:gem/tiny_gem@0.4.1', licenses: ['MIT'] });
    expect(root?.dependsOn.sort()).toEqual(['pkg:gem/minitest@5.20.0', 'pkg:gem/zeitwerk@2.6.12']);
    expect(packages.map((p) => p.name).sort()).toEqual(['minitest', 'zeitwerk']);
  });

  it('refuses malformed lines and an unknown Bundler with a UserError naming the file', async () => {
    await expect(runText('GEM\n  specs:\n    rack 3.0.8\n')).rejects.toThrow(/app\/Gemfile\.lock:3: line "rack 3\.0\.8" is not "name \(version\)"/);
    await expect(runText('GEM\n  specs:\n\nBUNDLED WITH\n   9.0.0\n')).rejects.toThrow(/field BUNDLED WITH/);
    await expect(runText('hello\n')).rejects.toBeInstanceOf(UserError);
    await expect(runText('GEM\n  specs:\n    x (-linux)\n')).rejects.toThrow(/app\/Gemfile\.lock:3: "x \(-linux\)" is not a gem name with a version/);
  });

  it('parses or throws UserError for any input', async () => {
    const word = fc.string({ maxLength: 10 });
    const line = fc.oneof(fc.string(), fc.tuple(word, word).map(([n, v]) => `    ${n} (${v})`), fc.tuple(word, word).map(([n, v]) => `      ${n} (${v})`), fc.constantFrom('GEM', 'PATH', 'DEPENDENCIES', 'CHECKSUMS', '  remote: .', '  specs:', '    a (1.0)', '    b (2.0-java)', '      a (>= 1)', '  a!', '  a (1.0) sha256=00', 'BUNDLED WITH', '   2.5.0'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 10 }), async (lines) => {
        try {
          expectConsistent(await runText(lines.join('\n')));
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
