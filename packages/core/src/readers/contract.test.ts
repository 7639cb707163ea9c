import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findingSchema } from '../model/finding.js';
import { assignFingerprints } from '../model/fingerprint.js';
import { parseReportText } from './parse-text.js';
import { READERS } from './registry.js';
import type { ReportReader } from './types.js';

/**
 * Every folder under readers/ is a reader (renovate's manager contract): it must export `readers`,
 * be registered, recognise its own fixtures and nobody else's, and produce valid findings.
 */
const HERE = fileURLToPath(new URL('.', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/readers/', import.meta.url));

interface Fixture {
  name: string;
  format: string;
  doc: unknown;
  text: string;
}

function fixtures(): Fixture[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const input = readdirSync(dir).find((f) => f.startsWith('input.')) ?? 'input.json';
      const text = readFileSync(join(dir, input), 'utf8');
      const { format } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { format: string };
      return { name: d.name, format, doc: parseReportText(text, input), text };
    });
}

const folders = readdirSync(HERE, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const all = fixtures();

describe('reader contract', () => {
  it('finds the reader folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(9);
  });

  it('has unique reader ids', () => {
    const ids = READERS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const folder of folders) {
    describe(folder, () => {
      it('exports readers that are all registered', async () => {
        const mod = (await import(join(HERE, folder, 'index.ts'))) as { readers?: ReportReader[] };
        expect(mod.readers?.length ?? 0).toBeGreaterThan(0);
        for (const reader of mod.readers ?? []) expect(READERS).toContain(reader);
      });

      it('detects its own fixtures and no one else’s, and reads them into valid findings', async () => {
        const mod = (await import(join(HERE, folder, 'index.ts'))) as { readers: ReportReader[] };
        for (const reader of mod.readers) {
          const own = all.filter((f) => f.format === reader.id);
          expect(own.length, `${reader.id} needs fixtures`).toBeGreaterThan(0);
          for (const f of all) expect(reader.detect(f.doc, f.text), `${reader.id} on ${f.name}`).toBe(f.format === reader.id);
          for (const f of own) {
            const result = reader.read(f.doc, { file: f.name });
            expect(result.tools.length).toBeGreaterThan(0);
            for (const tool of result.tools) expect(tool.name).not.toBe('');
            for (const finding of assignFingerprints(result.findings)) {
              const parsed = findingSchema.safeParse(finding);
              expect(parsed.success, `${f.name}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
              expect(finding.tool.name).not.toBe('');
            }
          }
        }
      });
    });
  }
});
