import { nonEmpty } from './text.js';

/**
 * A found secret must not travel on into SARIF, summaries and PR comments. Keep the first four
 * characters (enough to tell which key it was) and mask the rest, as `gitleaks --redact` would.
 */
export function maskSecret(secret: string): string {
  const keep = Math.min(4, Math.floor(secret.length / 2));
  return `${secret.slice(0, keep)}${'*'.repeat(Math.max(4, secret.length - keep))}`;
}

/** `text` with every occurrence of `secret` masked; text without a known secret is returned as is. */
export function redact(text: string | null | undefined, secret: string | null | undefined): string | undefined {
  const t = nonEmpty(text);
  const s = nonEmpty(secret);
  if (!t) return undefined;
  if (!s || s === 'REDACTED' || s.length < 2) return t;
  return t.split(s).join(maskSecret(s));
}
