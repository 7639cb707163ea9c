import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// A fixed namespace for our name-based UUIDs (itself a random v4 UUID, chosen once).
const NAMESPACE = Buffer.from('5c1f0e2a9b7d4c3e8a6f1d2b3c4e5f60', 'hex');

/**
 * An RFC 4122 version-5 UUID (SHA-1, name-based) of `name`: the same name always gives the same UUID, which is what
 * a reproducible document needs where the spec asks for a UUID.
 */
export function uuidV5(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
