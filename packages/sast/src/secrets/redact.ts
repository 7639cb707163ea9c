import { createHash } from 'node:crypto';

/** What the hash sees: a PEM body reflowed or re-escaped (`\n` in JSON) is the same key. */
function canonical(secret: string): string {
  return secret.replace(/\\[nr]|\s/g, '');
}

export function secretDigest(secret: string): string {
  return createHash('sha256').update(canonical(secret)).digest('hex').slice(0, 16);
}

/**
 * The snippet a finding carries instead of the secret: `<provider>:<first 4 chars>…:<sha256/16>`.
 * Core hashes the snippet into the fingerprint, so it must be stable for one secret and differ
 * between secrets; the digest does both while the raw value appears nowhere in the report.
 */
export function redact(provider: string, secret: string): string {
  const head = canonical(secret).slice(0, 4);
  return `${provider}:${head}…:${secretDigest(secret)}`;
}
