import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { writeOutputsAtomic } from './atomic.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'rampart-atomic-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeOutputsAtomic', () => {
  it('creates the directory and writes every file', async () => {
    const dir = join(tempDir(), 'nested', 'reports');
    const paths = await writeOutputsAtomic(dir, [{ name: 'a.json', content: '{}' }, { name: 'summary.md', content: '# hi' }]);
    expect(paths).toEqual([join(dir, 'a.json'), join(dir, 'summary.md')]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('# hi');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'summary.md']);
  });

  it('leaves no temp file and no changed output when one write fails', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), 'old');
    // A name longer than the file system allows makes that one temp write fail (ENAMETOOLONG).
    const files = [{ name: 'a.json', content: 'new' }, { name: `${'x'.repeat(300)}.json`, content: '{}' }];
    await expect(writeOutputsAtomic(dir, files)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('old');
  });

  it('refuses names that would leave the directory', async () => {
    const dir = tempDir();
    await expect(writeOutputsAtomic(dir, [{ name: '../evil', content: '' }])).rejects.toBeInstanceOf(UserError);
    expect(readdirSync(dir)).toEqual([]);
  });
});
