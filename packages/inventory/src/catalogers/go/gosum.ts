import { UserError } from '@rampart/core';
import type { PackageHash } from '../../types.js';
import { isGoVersion, isModulePath } from './version.js';

export interface GoSumEntry {
  path: string;
  version: string;
  hash?: PackageHash;
}

const EXPECTED = 'go.sum lines "<module> <version>[/go.mod] h1:<base64 sha256>"';

/**
 * Reads go.sum. Lines for `<version>/go.mod` only checksum a module's go.mod, which the go command reads while
 * resolving versions even for modules it never builds, so they are not packages and are skipped here.
 * The `h1:` hash is the base64 SHA-256 of the module's file tree summary (golang.org/x/mod/sumdb/dirhash); it is
 * kept as the module's sha256 because it is the digest the Go checksum database vouches for.
 */
export function parseGoSum(file: string, text: string): GoSumEntry[] {
  const out: GoSumEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const fields = line.split(/\s+/);
    const [path, version, hash] = fields;
    if (fields.length !== 3 || !path || !version || !hash || !/^[a-z0-9]+:/.test(hash) || !/^v\d/.test(version)) {
      throw new UserError('is not a go.sum line', { file, line: i + 1, expected: EXPECTED });
    }
    if (!isModulePath(path) || !isGoVersion(version.replace(/\/go\.mod$/, ''))) {
      throw new UserError(`has an invalid module path or version "${path} ${version}"`, { file, line: i + 1, expected: EXPECTED });
    }
    if (version.endsWith('/go.mod')) continue;
    const entry: GoSumEntry = { path, version };
    if (hash.startsWith('h1:')) {
      const b64 = hash.slice(3);
      const hex = /^[A-Za-z0-9+/]{43}=$/.test(b64) ? Buffer.from(b64, 'base64').toString('hex') : '';
      if (hex.length !== 64) throw new UserError('has a malformed h1: hash', { file, line: i + 1, expected: EXPECTED });
      entry.hash = { alg: 'sha256', value: hex };
    }
    out.push(entry);
  }
  return out;
}
