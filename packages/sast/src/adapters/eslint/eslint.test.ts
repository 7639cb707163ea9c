import { describe, expect, it } from 'vitest';
import { runAdapters } from '../run-adapters.js';
import { fakeEnv, readFakeCall, tempDir, testContext, writeFakeTool } from '../test-support.js';

describe('eslint adapter (fake binary)', () => {
  it('asks for json-with-metadata on the given files and reads the messages', async () => {
    const bin = await tempDir('rampart-bin-');
    const root = await tempDir('rampart-root-');
    // ESLint exits 1 when it reports errors.
    await writeFakeTool(bin, 'eslint', { report: 'eslint.json', outFlag: '--output-file', exitCode: 1 });
    const result = await runAdapters(['eslint'], testContext(root, fakeEnv(bin), { files: ['web/render.js', '--fix'] }));

    const { argv, cwd } = await readFakeCall(bin, 'eslint');
    expect(cwd).toBe(root);
    expect(argv.slice(0, 2)).toEqual(['--format', 'json-with-metadata']);
    // A file named like an option reaches ESLint as an absolute path.
    expect(argv.slice(-2)).toEqual([`${root}/web/render.js`, `${root}/--fix`]);
    expect(argv).not.toContain('--fix');

    expect(result.tools).toEqual([{ name: 'eslint', version: '' }]);
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['no-eval', 'high'],
      ['security/detect-non-literal-regexp', 'medium'],
    ]);
    expect(result.notifications).toEqual([{ level: 'warning', message: 'ESLint: results[1].messages[0]: web/broken.js: Parsing error: Unexpected token )' }]);
  });
});
