import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askTool, runs } from './conformance-tools.testkit.js';
import { packagistComparator } from './packagist.js';
import { pypiComparator } from './pypi.js';
import { rubygemsComparator } from './rubygems.js';
import type { VersionComparator } from './types.js';

/**
 * The language-ecosystem comparators against the implementations they follow, where the machine has them:
 * RubyGems' Gem::Version (ruby), Composer's VersionParser with PHP's version_compare (php, composer), and
 * PyPA's `packaging` (python3). Each tool prints `<validA> <validB> <sign>` per pair.
 */
const SEED = 20261129;
const COMPOSER_AUTOLOAD = '/usr/share/php/Composer/Semver/autoload.php';

function expectSameAnswers(comparator: VersionComparator, pairs: readonly (readonly [string, string])[], lines: readonly string[]): void {
  expect(lines).toHaveLength(pairs.length);
  pairs.forEach(([a, b], i) => {
    const [validA, validB, sign] = (lines[i] ?? '').split(' ');
    expect(String(comparator.isValid(a)), a).toBe(validA);
    expect(String(comparator.isValid(b)), b).toBe(validB);
    if (validA === 'true' && validB === 'true') expect(String(Math.sign(comparator.compare(a, b)) + 0), `${a} vs ${b}`).toBe(sign);
  });
}

const sample = (arb: fc.Arbitrary<string>): [string, string][] => fc.sample(fc.tuple(arb, arb), { numRuns: 1500, seed: SEED });

describe('conformance with the language package managers', () => {
  it.skipIf(!runs('ruby'))('orders as Gem::Version', () => {
    const part = fc.constantFrom('0', '1', '2', '10', '00', 'a', 'b1', 'pre', 'rc2', 'B', '');
    const arb = fc
      .tuple(fc.constantFrom('1', '0', 'a'), fc.array(part, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '-1', '-rc1', '-x86-linux', '-pre.0', '-', '.'))
      .map(([first, parts, tail]) => first + parts.join('.') + tail);
    const pairs = sample(arb);
    const script = `require 'json'
JSON.parse(File.read(ARGV[0])).each do |a, b|
  va = Gem::Version.correct?(a) ? true : false
  vb = Gem::Version.correct?(b) ? true : false
  puts "#{va} #{vb} #{va && vb ? (Gem::Version.new(a) <=> Gem::Version.new(b)) : 'x'}"
end`;
    expectSameAnswers(rubygemsComparator, pairs, askTool('ruby', 'rb', script, pairs));
  });

  it.skipIf(!runs('php') || !existsSync(COMPOSER_AUTOLOAD))("orders as Composer's VersionParser and version_compare", () => {
    const arb = fc
      .tuple(
        fc.constantFrom('', 'v', 'V'),
        fc.array(fc.constantFrom('0', '1', '2', '10', '00'), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', '-alpha', '-a', '-beta.', '-b', '-RC', '-rc', '-patch', '-pl', '-p', '-stable', 'beta', '.RC', '_alpha', '-foo', '.x', '-x'),
        fc.constantFrom('', '1', '2', '1.2', '-1'),
        fc.constantFrom('', '-dev', '.dev', '+build', '+b.1'),
      )
      .map(([v, nums, stability, n, tail]) => `${v}${nums.join('.')}${stability}${n}${tail}`);
    const pairs = sample(arb);
    const script = `<?php
require '${COMPOSER_AUTOLOAD}';
$parser = new Composer\\Semver\\VersionParser();
function normal($parser, $v) {
  try { $n = $parser->normalize($v); return str_starts_with($n, 'dev-') ? null : $n; } catch (Exception $e) { return null; }
}
foreach (json_decode(file_get_contents($argv[1])) as [$a, $b]) {
  $na = normal($parser, $a); $nb = normal($parser, $b);
  echo ($na !== null ? 'true' : 'false'), ' ', ($nb !== null ? 'true' : 'false'), ' ', ($na !== null && $nb !== null ? version_compare($na, $nb) : 'x'), "\\n";
}`;
    expectSameAnswers(packagistComparator, pairs, askTool('php', 'php', script, pairs));
  });

  it.skipIf(!runs('python3', ['-c', 'import packaging.version']))('orders as PyPA packaging', () => {
    const arb = fc
      .tuple(
        fc.constantFrom('', '1!', 'v'),
        fc.array(fc.constantFrom('0', '1', '2', '10', '00'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', 'a1', 'b0', 'rc2', '-alpha1', 'c1', '.pre3', 'preview', '-'),
        fc.constantFrom('', '.post1', '-2', '.post', 'post2', '-r1'),
        fc.constantFrom('', '.dev0', 'dev3', '-dev'),
        fc.constantFrom('', '+local.1', '+2', '+abc', '+A-b_c'),
      )
      .map((parts) => parts.map((p) => (Array.isArray(p) ? p.join('.') : p)).join(''));
    const pairs = sample(arb);
    const script = `import json, sys
from packaging.version import Version, InvalidVersion
def parse(s):
    try:
        return Version(s)
    except InvalidVersion:
        return None
for a, b in json.load(open(sys.argv[1])):
    x, y = parse(a), parse(b)
    sign = 'x' if x is None or y is None else str((x > y) - (x < y))
    print(str(x is not None).lower(), str(y is not None).lower(), sign)
`;
    expectSameAnswers(pypiComparator, pairs, askTool('python3', 'py', script, pairs));
  });
});
