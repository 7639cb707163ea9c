import { describe, expect, it } from 'vitest';
import { cvssBaseScore } from './index.js';

describe('CVSS v2 base score', () => {
  // The worked examples of the v2 guide, section 3.3 (CVE-2002-0392 = 7.8, CVE-2003-0818 = 10.0,
  // CVE-2003-0062 = 6.2), then vectors with their NVD scores.
  it.each([
    ['AV:N/AC:L/Au:N/C:N/I:N/A:C', 7.8],
    ['AV:N/AC:L/Au:N/C:C/I:C/A:C', 10.0],
    ['AV:L/AC:H/Au:N/C:C/I:C/A:C', 6.2],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5],
    ['AV:N/AC:M/Au:N/C:N/I:P/A:N', 4.3],
    ['AV:N/AC:L/Au:N/C:P/I:N/A:N', 5.0],
    ['AV:L/AC:L/Au:N/C:C/I:C/A:C', 7.2],
    ['AV:N/AC:M/Au:N/C:P/I:P/A:P', 6.8],
    ['AV:N/AC:L/Au:S/C:P/I:P/A:P', 6.5],
    ['AV:N/AC:L/Au:N/C:N/I:N/A:N', 0],
    ['AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H', 7.8],
  ])('%s = %d', (vector, score) => {
    expect(cvssBaseScore(vector)).toEqual({ version: '2.0', score });
  });

  it.each([
    'AV:N/AC:L/Au:N/C:P/I:P',
    'AV:N/AC:L/Au:N/C:P/I:P/A:P/A:P',
    'AV:N/AC:L/AU:N/C:P/I:P/A:P',
    'AV:N/AC:L/Au:N/C:P/I:P/A:H',
    '(AV:N/AC:L/Au:N/C:P/I:P/A:P)',
    'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P',
    'AV:N/AC:L/Au:N/C:P/I:P/A:P/',
    '',
  ])('rejects %s', (vector) => {
    expect(cvssBaseScore(vector)).toBeUndefined();
  });
});
