import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SourceLocation } from '../../model/finding.js';
import { readReport } from '../read-report.js';

// A real CodeQL 2.24.2 run (provenance in test/fixtures/real-reports/codeql/PROVENANCE.md).
const CODEQL = fileURLToPath(
  new URL('../../../../../test/fixtures/real-reports/codeql/codeql-2.24.2-python-skills-intro.sarif', import.meta.url),
);

function sourceLocations(): SourceLocation[] {
  const { findings } = readReport(readFileSync(CODEQL, 'utf8'), { file: 'codeql.sarif' });
  return findings.map((f) => {
    if (f.location.type !== 'source') throw new Error(`${f.ruleId} is not a source finding`);
    return f.location;
  });
}

describe('SARIF regions as CodeQL writes them', () => {
  it('a region with an end column but no start column starts at column 1', () => {
    // CodeQL writes `"region": {"startLine": 6, "endColumn": 28}` for `from .models import *`.
    expect(sourceLocations().find((l) => l.path === 'server/__main__.py' && l.startLine === 6)).toMatchObject({
      startColumn: 1,
      endColumn: 28,
    });
  });

  it('an explicit start column is kept as written', () => {
    expect(sourceLocations().find((l) => l.path === 'server/routes.py' && l.startLine === 12)).toMatchObject({
      startColumn: 5,
      endColumn: 9,
    });
  });

  it('reads every result, each with a line', () => {
    const locations = sourceLocations();
    expect(locations).toHaveLength(4);
    expect(locations.every((l) => typeof l.startLine === 'number')).toBe(true);
  });
});

describe('SARIF regions without columns', () => {
  it('a line-only region stays line-only', () => {
    const log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'linty', rules: [{ id: 'r1' }] } },
          results: [
            {
              ruleId: 'r1',
              message: { text: 'm' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a.py' }, region: { startLine: 3 } } }],
            },
          ],
        },
      ],
    };
    const [finding] = readReport(JSON.stringify(log), { file: 'linty.sarif' }).findings;
    expect(finding?.location).toEqual({ type: 'source', path: 'a.py', startLine: 3 });
  });
});
