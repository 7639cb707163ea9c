import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { READERS } from './registry.js';
import { parseReportText } from './parse-text.js';
import { readReport } from './read-report.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/readers/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

interface Case {
  name: string;
  input: string;
  expected: string;
}

function cases(): Case[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const input = readdirSync(join(FIXTURES, d.name)).find((f) => f.startsWith('input.'));
      if (!input) throw new Error(`fixture ${d.name} has no input.* file`);
      return { name: d.name, input: join(FIXTURES, d.name, input), expected: join(FIXTURES, d.name, 'expected.json') };
    });
}

function relative(path: string): string {
  return path.slice(FIXTURES.length);
}

describe('reader golden files', () => {
  it('has a fixture for every reader', () => {
    const formats = new Set(
      cases()
        .filter((c) => existsSync(c.expected))
        .map((c) => (JSON.parse(readFileSync(c.expected, 'utf8')) as { format: string }).format),
    );
    expect([...formats].sort()).toEqual(READERS.map((r) => r.id).sort());
  });

  for (const c of cases()) {
    it(`${c.name} reads as its golden file`, () => {
      const result = readReport(readFileSync(c.input, 'utf8'), { file: relative(c.input) });
      const actual = `${JSON.stringify(result, null, 2)}\n`;
      if (UPDATE || !existsSync(c.expected)) writeFileSync(c.expected, actual);
      expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(c.expected, 'utf8')));
      expect(result.findings.length).toBeGreaterThan(0);
    });

    it(`${c.name} is detected as exactly one format`, () => {
      const text = readFileSync(c.input, 'utf8');
      const doc = parseReportText(text, c.input);
      const detected = READERS.filter((r) => r.detect(doc, text)).map((r) => r.id);
      const expected = (JSON.parse(readFileSync(c.expected, 'utf8')) as { format: string }).format;
      expect(detected).toEqual([expected]);
    });
  }
});
