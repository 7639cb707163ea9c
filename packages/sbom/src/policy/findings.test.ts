import { findingSchema } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { inventory, pkg, root } from '../testing/inventory.js';
import { licenseFindings } from './findings.js';

const inv = inventory(
  [root({ ref: 'root:package-lock.json', name: 'app', licenses: ['GPL-3.0-only'] })],
  [
    pkg({ purl: 'pkg:npm/ok@1.0.0', name: 'ok', version: '1.0.0', licenses: ['MIT'] }),
    pkg({ purl: 'pkg:npm/gpl@2.0.0', name: 'gpl', version: '2.0.0', licenses: ['GPL-3.0-only'], locations: ['web/package-lock.json', 'package-lock.json'] }),
    pkg({ purl: 'pkg:npm/dual@1.0.0', name: 'dual', version: '1.0.0', licenses: ['MIT OR GPL-3.0-only'] }),
    pkg({ purl: 'pkg:npm/bsd@1.0.0', name: 'bsd', version: '1.0.0', licenses: ['BSD-3-Clause'], dev: true }),
    pkg({ purl: 'pkg:npm/none@1.0.0', name: 'none', version: '1.0.0', licenses: [] }),
    pkg({ purl: 'pkg:npm/two@1.0.0', name: 'two', version: '1.0.0', licenses: ['MIT', 'GPL-3.0-only'] }),
  ],
);

const byName = (findings: ReturnType<typeof licenseFindings>, name: string) =>
  findings.filter((f) => f.location.type === 'package' && f.location.name === name);

describe('licenseFindings', () => {
  it('reports nothing without a policy', () => {
    expect(licenseFindings(inv, { allow: [], deny: [] }, '0.1.0')).toEqual([]);
  });

  it('reports denied licenses as high, but not an OR with an acceptable alternative, nor the project itself', () => {
    const findings = licenseFindings(inv, { allow: [], deny: ['GPL-3.0-only'] }, '0.1.0');
    expect(findings.map((f) => f.location.type === 'package' && f.location.name).sort()).toEqual(['gpl', 'two']);
    const [gpl] = byName(findings, 'gpl');
    expect(gpl).toMatchObject({
      kind: 'license',
      ruleId: 'license-denied',
      severity: 'high',
      tool: { name: 'rampart-sbom', version: '0.1.0' },
      location: { type: 'package', name: 'gpl', version: '2.0.0', ecosystem: 'npm', purl: 'pkg:npm/gpl@2.0.0', file: 'package-lock.json' },
      identifiers: [{ type: 'license', value: 'GPL-3.0-only', url: 'https://spdx.org/licenses/GPL-3.0-only.html' }],
    });
    expect(gpl?.message).toContain('GPL-3.0-only is denied');
  });

  it('treats several declared licenses as all applying', () => {
    const [two] = byName(licenseFindings(inv, { allow: [], deny: ['GPL-3.0-only'] }, '0.1.0'), 'two');
    expect(two?.message).toContain('MIT AND GPL-3.0-only');
  });

  it('with an allow list, reports other licenses as medium and unknown ones as low', () => {
    const findings = licenseFindings(inv, { allow: ['MIT'], deny: ['GPL-3.0-only'] }, '0.1.0');
    expect(byName(findings, 'ok')).toEqual([]);
    expect(byName(findings, 'dual')).toEqual([]);
    expect(byName(findings, 'bsd')[0]).toMatchObject({ ruleId: 'license-not-allowed', severity: 'medium' });
    expect(byName(findings, 'bsd')[0]?.message).toContain('development dependency');
    expect(byName(findings, 'none')[0]).toMatchObject({ ruleId: 'license-unknown', severity: 'low', title: 'Unknown license: none@1.0.0' });
    expect(byName(findings, 'gpl')[0]).toMatchObject({ ruleId: 'license-denied', severity: 'high' });
  });

  it('does not report unknown licenses under a deny list alone', () => {
    expect(byName(licenseFindings(inv, { allow: [], deny: ['GPL-3.0-only'] }, '0.1.0'), 'none')).toEqual([]);
  });

  it('gives valid findings with distinct, stable fingerprints from core', () => {
    const policy = { allow: ['MIT'], deny: ['GPL-3.0-only'] };
    const a = licenseFindings(inv, policy, '0.1.0');
    const b = licenseFindings({ ...inv, packages: [...inv.packages].reverse() }, policy, '0.2.0');
    for (const f of a) expect(findingSchema.safeParse(f).success).toBe(true);
    expect(new Set(a.map((f) => f.fingerprint)).size).toBe(a.length);
    expect(b.map((f) => f.fingerprint).sort()).toEqual(a.map((f) => f.fingerprint).sort());
  });
});
