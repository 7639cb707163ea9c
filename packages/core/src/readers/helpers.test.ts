import { describe, expect, it } from 'vitest';
import { posInt, sourceLocation } from './build.js';
import { banditSnippet } from './bandit/map.js';
import { advisoryIdentifier, cweIdentifier, ghsaFromUrl, owaspIdentifier, uniqueIdentifiers } from './identifiers.js';
import { cleanPath, isLockfile } from './paths.js';
import { maskSecret, redact } from './secrets.js';
import { htmlToParagraphs, firstSentence } from './text.js';

describe('identifiers', () => {
  it('reads CWE ids in every spelling tools use', () => {
    for (const raw of [79, '79', 'CWE-79', 'cwe-079', 'external/cwe/cwe-079', "CWE-79: Improper Neutralization of Input ('XSS')"]) {
      expect(cweIdentifier(raw)?.value).toBe('CWE-79');
    }
  });

  it('does not invent CWEs from non-CWE text or ZAP’s -1', () => {
    for (const raw of ['-1', '0', 'A03:2021 - Injection', 'security', '', undefined]) expect(cweIdentifier(raw)).toBeUndefined();
  });

  it('reads OWASP codes with and without a year', () => {
    expect(owaspIdentifier('A03:2021 - Injection')?.value).toBe('A03:2021');
    expect(owaspIdentifier('OWASP-A3:2017 - Sensitive Data Exposure')?.value).toBe('A03:2017');
    expect(owaspIdentifier('A1: Injection')?.value).toBe('A1: Injection');
    expect(owaspIdentifier('security')).toBeUndefined();
  });

  it('classifies advisory ids', () => {
    expect(advisoryIdentifier('cve-2021-44228')).toMatchObject({ type: 'cve', value: 'CVE-2021-44228' });
    expect(advisoryIdentifier('GHSA-JFH8-C2JP-5V3Q')).toMatchObject({ type: 'ghsa', value: 'GHSA-jfh8-c2jp-5v3q' });
    expect(advisoryIdentifier('PYSEC-2021-19')?.type).toBe('osv');
    expect(advisoryIdentifier('DLA-3008-1')?.type).toBe('advisory');
    expect(ghsaFromUrl('https://github.com/advisories/GHSA-hrpp-h998-j3pp')).toBe('GHSA-hrpp-h998-j3pp');
  });

  it('keeps the first of duplicate identifiers', () => {
    const list = uniqueIdentifiers([{ type: 'cwe', value: 'CWE-79', url: 'a' }, { type: 'CWE', value: 'cwe-79' }, undefined]);
    expect(list).toEqual([{ type: 'cwe', value: 'CWE-79', url: 'a' }]);
  });
});

describe('paths', () => {
  it('turns tool paths into repository paths', () => {
    expect(cleanPath('./src/app.js')).toBe('src/app.js');
    expect(cleanPath('file:///home/ci/app.js')).toBe('/home/ci/app.js');
    expect(cleanPath('src\\routes\\a%20b.js')).toBe('src/routes/a b.js');
    expect(cleanPath('100%done.txt')).toBe('100%done.txt');
  });

  it('knows lockfiles', () => {
    for (const p of ['package-lock.json', 'a/b/yarn.lock', 'Gemfile.lock', 'requirements-dev.txt', 'src/App.csproj']) expect(isLockfile(p)).toBe(true);
    for (const p of ['Dockerfile', 'src/app.js', 'lock.json']) expect(isLockfile(p)).toBe(false);
  });
});

describe('secrets', () => {
  it('masks all but a short prefix', () => {
    expect(maskSecret('AKIAQ4XK2WMBNX7EXAMP')).toBe('AKIA****************');
    expect(maskSecret('abc')).toBe('a****');
  });

  it('masks the secret wherever it appears in the matched text', () => {
    expect(redact('key = "s3cr3tvalue" # s3cr3tvalue', 's3cr3tvalue')).toBe('key = "s3cr*******" # s3cr*******');
    expect(redact('REDACTED', 'REDACTED')).toBe('REDACTED');
    expect(redact('', 'x')).toBeUndefined();
  });
});

describe('text and locations', () => {
  it('turns ZAP paragraphs into plain text', () => {
    expect(htmlToParagraphs('<p>One &amp; two</p><p>Three &mdash; four</p>')).toEqual(['One & two', 'Three — four']);
    expect(htmlToParagraphs(undefined)).toEqual([]);
  });

  it('shortens long first sentences', () => {
    expect(firstSentence('Short one. Then more.')).toBe('Short one');
    expect(firstSentence('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('accepts only positive integer lines and drops an end before the start', () => {
    expect([posInt(0), posInt(-1), posInt(1.5), posInt('7'), posInt(3)]).toEqual([undefined, undefined, undefined, 7, 3]);
    expect(sourceLocation({ path: 'a', startLine: 10, endLine: 4, startColumn: 0 })).toEqual({ type: 'source', path: 'a', startLine: 10 });
    expect(sourceLocation({ path: 'a', endLine: 4, startColumn: 3 })).toEqual({ type: 'source', path: 'a' });
  });

  it('picks the flagged lines out of Bandit’s numbered code', () => {
    expect(banditSnippet('13 a = 1\n14     b = run(x)\n15 c\n', [14])).toBe('    b = run(x)');
    expect(banditSnippet('1 import os\n', [9])).toBeUndefined();
  });
});
