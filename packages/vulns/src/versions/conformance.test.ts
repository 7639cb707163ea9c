import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dpkgComparator } from './dpkg.js';
import { rpmComparator } from './rpm.js';

/**
 * The comparators against the real tools, where the machine has them (Debian has dpkg and can install rpm):
 * random versions, including the `~`, `^`, epoch and revision corners, must order as dpkg and rpm order them.
 */
const has = (tool: string): boolean => spawnSync(tool, ['--version']).status === 0;
const SEED = 20261129;

describe('conformance with the package managers', () => {
  it.skipIf(!has('dpkg'))('orders as dpkg --compare-versions', () => {
    const version = fc
      .tuple(fc.constantFrom('', '1:', '0:'), fc.stringMatching(/^[0-9][0-9a-zA-Z.+~]{0,6}$/), fc.option(fc.stringMatching(/^[0-9a-z.+~]{1,5}$/)))
      .map(([e, u, r]) => `${e}${u}${r === null ? '' : `-${r}`}`);
    const pairs = fc.sample(fc.tuple(version, version), { numRuns: 200, seed: SEED });
    // One shell for all pairs: dpkg answers through its exit status.
    const script = pairs.map(([a, b]) => `if dpkg --compare-versions '${a}' lt '${b}'; then echo -1; elif dpkg --compare-versions '${a}' eq '${b}'; then echo 0; else echo 1; fi`).join('\n');
    const answers = execFileSync('sh', ['-c', script], { encoding: 'utf8' }).trim().split('\n').map(Number);
    expect(answers).toHaveLength(pairs.length);
    pairs.forEach(([a, b], i) => expect(Math.sign(dpkgComparator.compare(a, b)), `${a} vs ${b}`).toBe(answers[i]));
  });

  it.skipIf(!has('rpm'))("orders as rpm's rpm.vercmp", () => {
    const version = fc
      .tuple(fc.constantFrom('', '0:', '1:', '2:'), fc.stringMatching(/^[0-9a-zA-Z._+~^]{1,7}$/), fc.option(fc.stringMatching(/^[0-9a-z._~^]{1,5}$/)))
      .map(([e, v, r]) => `${e}${v}${r === null ? '' : `-${r}`}`)
      .filter((v) => rpmComparator.isValid(v));
    const pairs = fc.sample(fc.tuple(version, version), { numRuns: 2000, seed: SEED });
    const dir = mkdtempSync(join(tmpdir(), 'rampart-rpmvercmp-'));
    try {
      const file = join(dir, 'cmp.lua');
      writeFileSync(file, pairs.map(([a, b]) => `print(rpm.vercmp(${JSON.stringify(a)}, ${JSON.stringify(b)})) print("\\n")`).join('\n'));
      const answers = execFileSync('rpm', ['--eval', `%{lua: dofile(${JSON.stringify(file)})}`], { encoding: 'utf8' }).trim().split('\n').map(Number);
      expect(answers).toHaveLength(pairs.length);
      pairs.forEach(([a, b], i) => expect(Math.sign(rpmComparator.compare(a, b)), `${a} vs ${b}`).toBe(Math.sign(answers[i] ?? Number.NaN)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
