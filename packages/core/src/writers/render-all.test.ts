import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { renderAll } from './render-all.js';
import { everyKindRun } from './testing/fixtures.js';

describe('renderAll', () => {
  it('names every file as DESIGN.md does', () => {
    const { files, notes } = renderAll(everyKindRun());
    expect(files.map((f) => f.name)).toEqual([
      'report.sarif',
      'gl-sast-report.json',
      'gl-secret-detection-report.json',
      'gl-dast-report.json',
      'gl-dependency-scanning-report.json',
      'gl-container-scanning-report.json',
      'gl-code-quality-report.json',
      'report.junit.xml',
      'summary.md',
      'findings.json',
    ]);
    expect(notes).toEqual([]);
  });

  it('writes only the formats asked for', () => {
    expect(renderAll(everyKindRun(), ['junit', 'json']).files.map((f) => f.name)).toEqual(['report.junit.xml', 'findings.json']);
  });

  it('rejects an unknown format with a UserError naming the field', () => {
    expect(() => renderAll(everyKindRun(), ['sarif', 'html'])).toThrow(UserError);
    expect(() => renderAll(everyKindRun(), ['html'])).toThrow(/formats.*html/);
  });
});
