import type { HashAlgorithm, PackageHash } from './types.js';

const SRI_ALGS: Record<string, HashAlgorithm> = { sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };

/**
 * Parses a Subresource Integrity string (npm, pnpm and yarn berry `integrity`: `sha512-<base64>`, possibly several
 * separated by spaces) into hex hashes. Unknown algorithms and bad base64 are skipped: a lockfile with an odd
 * integrity still catalogs, it just carries no hash for that package.
 */
export function parseIntegrity(integrity: string | undefined): PackageHash[] {
  if (!integrity) return [];
  const out: PackageHash[] = [];
  for (const token of integrity.trim().split(/\s+/)) {
    const dash = token.indexOf('-');
    if (dash < 0) continue;
    const alg = SRI_ALGS[token.slice(0, dash).toLowerCase()];
    const b64 = token.slice(dash + 1).replace(/\?.*$/, '');
    if (!alg || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) continue;
    const value = Buffer.from(b64, 'base64').toString('hex');
    if (value.length > 0 && !out.some((h) => h.alg === alg)) out.push({ alg, value });
  }
  return out;
}

const HEX_LENGTHS: Record<number, HashAlgorithm> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

/** A bare hex digest whose algorithm is told by its length (Cargo.lock `checksum`, composer `shasum`). */
export function hexHash(value: string | undefined, alg?: HashAlgorithm): PackageHash | undefined {
  if (!value || !/^[0-9a-fA-F]+$/.test(value)) return undefined;
  const guessed = alg ?? HEX_LENGTHS[value.length];
  return guessed ? { alg: guessed, value: value.toLowerCase() } : undefined;
}
