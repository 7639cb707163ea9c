import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Content did not hash to the digest its manifest promised: a corrupt or tampered blob. */
export class DigestMismatchError extends Error {
  override readonly name = 'DigestMismatchError';
}

const DIGEST = /^(sha256|sha512):([a-f0-9]+)$/;

export function parseDigest(digest: string): { alg: 'sha256' | 'sha512'; hex: string } | undefined {
  const m = DIGEST.exec(digest);
  if (!m?.[1] || !m[2]) return undefined;
  const alg = m[1] as 'sha256' | 'sha512';
  if (m[2].length !== (alg === 'sha256' ? 64 : 128)) return undefined;
  return { alg, hex: m[2] };
}

export function digestOf(bytes: Uint8Array, alg: 'sha256' | 'sha512' = 'sha256'): string {
  return `${alg}:${createHash(alg).update(bytes).digest('hex')}`;
}

/** Hashes bytes as they stream past and fails at the end when they do not match `expected`. */
export function verifyDigest(expected: string): Transform {
  const parsed = parseDigest(expected);
  if (!parsed) throw new DigestMismatchError(`unsupported digest ${JSON.stringify(expected)}`);
  const hash = createHash(parsed.alg);
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb: TransformCallback) {
      const actual = `${parsed.alg}:${hash.digest('hex')}`;
      cb(actual === expected ? null : new DigestMismatchError(`content hashes to ${actual}, not ${expected}`));
    },
  });
}
