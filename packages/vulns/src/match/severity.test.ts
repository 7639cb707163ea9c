import { describe, expect, it } from 'vitest';
import { cvssBaseScore } from '../cvss/index.js';
import type { OsvAffected, OsvRecord } from '../osv/types.js';
import { advisorySeverity } from './severity.js';

const record = (over: Partial<OsvRecord>): OsvRecord => ({ id: 'X-1', aliases: [], related: [], upstream: [], severity: [], affected: [], references: [], ...over });
const affected = (over: Partial<OsvAffected>): OsvAffected => ({ package: { ecosystem: 'Debian:12', name: 'openssl' }, severity: [], ranges: [], versions: [], ...over });
const score = (v: string) => cvssBaseScore(v)?.score;

describe('advisorySeverity', () => {
  it('prefers the newest CVSS version, then the highest score', () => {
    const r = record({
      severity: [
        { type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:C/I:C/A:C' },
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N' },
      ],
    });
    expect(advisorySeverity([r], [], score)).toEqual({ severity: 'medium', basis: 'CVSS_V3 base score 6.1' });
  });

  it('CVSS v2 tops out at high', () => {
    const r = record({ severity: [{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:C/I:C/A:C' }] });
    expect(advisorySeverity([r], [], score)).toEqual({ severity: 'high', basis: 'CVSS_V2 base score 10.0' });
  });

  it('reads package-level vectors too', () => {
    const a = affected({ severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] });
    expect(advisorySeverity([record({})], [a], score).severity).toBe('critical');
  });

  it('uses Debian urgency and Ubuntu priority words when there is no vector', () => {
    expect(advisorySeverity([record({})], [affected({ ecosystem_specific: { urgency: 'unimportant' } })], score)).toEqual({ severity: 'info', basis: 'Debian urgency unimportant' });
    expect(advisorySeverity([record({})], [affected({ ecosystem_specific: { urgency: 'not yet assigned' } })], score).severity).toBe('unknown');
    expect(advisorySeverity([record({ severity: [{ type: 'Ubuntu', score: 'medium' }] })], [], score).severity).toBe('medium');
  });

  it('takes the highest word when records disagree, and an unscorable vector does not count', () => {
    const a = record({ id: 'A', database_specific: { severity: 'LOW' }, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/garbage' }] });
    const b = record({ id: 'B', database_specific: { severity: 'CRITICAL' } });
    expect(advisorySeverity([a, b], [], score)).toEqual({ severity: 'critical', basis: 'B database severity CRITICAL' });
  });
});
