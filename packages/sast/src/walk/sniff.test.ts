import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksBinary, looksMinified, readSample, SAMPLE_BYTES } from './sniff.js';
import { tmpDir, writeFiles } from './test-support.js';

describe('content sniffing', () => {
  it('reads no more than the sample from a large file', async () => {
    const dir = tmpDir('sniff');
    writeFiles(dir, { 'big.txt': Buffer.alloc(SAMPLE_BYTES * 5, 0x61), 'small.txt': 'abc' });
    expect((await readSample(path.join(dir, 'big.txt'))).length).toBe(SAMPLE_BYTES);
    expect((await readSample(path.join(dir, 'small.txt'))).toString()).toBe('abc');
    rmSync(dir, { recursive: true, force: true });
  });

  it('calls a sample with a NUL byte binary, and UTF-8 text not', () => {
    expect(looksBinary(Buffer.from('PK\u0003\u0004\u0000\u0000'))).toBe(true);
    expect(looksBinary(Buffer.from('héllo wörld ✓\n', 'utf8'))).toBe(false);
  });

  it('calls few very long lines minified, and ordinary code or tiny one-liners not', () => {
    const code = Array.from({ length: 200 }, (_, i) => `  const v${i} = f(${i});`).join('\n');
    expect(looksMinified(Buffer.from(code))).toBe(false);
    expect(looksMinified(Buffer.from('!function(e){' + 'e.x=1;'.repeat(2000) + '}();'))).toBe(true);
    expect(looksMinified(Buffer.from('export default {a:1,b:2,c:3};'))).toBe(false);
    // One long data URI among normal lines is not a bundle.
    const withDataUri = code + '\nconst img = "data:image/png;base64,' + 'A'.repeat(2000) + '";\n' + code;
    expect(looksMinified(Buffer.from(withDataUri).subarray(0, SAMPLE_BYTES))).toBe(false);
  });
});
