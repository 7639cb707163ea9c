import { Buffer } from 'node:buffer';
import { isPlaceholder, isReference } from '../placeholders.js';
import type { SecretRule } from '../types.js';
import { CREDENTIAL, CRYPTO_KEY } from './shared.js';

/** A PEM body is base64 with optional RFC 1421 headers; a documentation stub has `...` instead. */
function realPemBody(body: string): boolean {
  const base64 = body.replace(/\\[nr]|\s|^[A-Za-z-]+:.*$/gm, '');
  if (/\.\.\.|…|x{4,}|<|example|your/i.test(body)) return false;
  return (base64.match(/[A-Za-z0-9+/=]/g)?.length ?? 0) >= 64;
}

function decodeJson(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A JWT has a JSON header naming its algorithm; jwt.io's sample token is public and not a secret. */
function realJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  const h = decodeJson(header ?? '');
  if (typeof h !== 'object' || h === null || typeof (h as { alg?: unknown }).alg !== 'string') return false;
  const p = decodeJson(payload ?? '');
  if (typeof p !== 'object' || p === null) return false;
  return !JSON.stringify(p).includes('John Doe');
}

const WEAK_URL_PASSWORDS = new Set(
  'password pass passwd pwd secret root admin test guest user postgres mysql redis rabbitmq minioadmin changeme example'.split(' '),
);
const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|host\.docker\.internal|[\w.-]*\.(?:local|test|example|invalid)|(?:[\w-]+\.)*example\.(?:com|org|net))$/i;

export const keyRules: SecretRule[] = [
  {
    id: 'secrets.private-key',
    title: 'Private key (PEM)',
    provider: 'Private key',
    // The block spans lines; the finding points at its BEGIN line.
    regex: /-----BEGIN[A-Z ]{0,24}PRIVATE KEY(?: BLOCK)?-----([\s\S]{64,16384}?)-----END[A-Z ]{0,24}PRIVATE KEY/,
    keywords: ['private key'],
    multiline: true,
    maxSpan: 17000,
    checkPlaceholder: false,
    validate: realPemBody,
    severity: 'critical',
    cwe: CRYPTO_KEY,
  },
  {
    id: 'secrets.age-secret-key',
    title: 'age secret key',
    provider: 'age',
    regex: /(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Z0-9])/,
    keywords: ['age-secret-key-1'],
    severity: 'critical',
    cwe: CRYPTO_KEY,
  },
  {
    id: 'secrets.jwt',
    title: 'JSON Web Token',
    provider: 'JWT',
    regex: /(?<![A-Za-z0-9_.-])(eyJ[A-Za-z0-9_-]{10,4000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{20,1000})(?![A-Za-z0-9_-])/,
    keywords: ['eyj'],
    validate: realJwt,
    severity: 'high',
    confidence: 'medium',
    cwe: CREDENTIAL,
    priority: -1,
  },
  {
    id: 'secrets.url-credentials',
    title: 'Password in a URL',
    provider: 'URL credentials',
    regex: /\b[a-z][a-z0-9+.-]{1,20}:\/\/(?<user>[^\s:@/'"`<>]{1,100}):(?<secret>[^\s@/'"`<>]{3,200})@(?<host>[A-Za-z0-9.-]{1,253})/,
    keywords: ['://'],
    validate: (secret, m) => {
      const user = m.groups?.['user'] ?? '';
      const host = m.groups?.['host'] ?? '';
      if (secret === user || WEAK_URL_PASSWORDS.has(secret.toLowerCase())) return false;
      if (isReference(secret) || isPlaceholder(secret) || LOCAL_HOST.test(host)) return false;
      return true;
    },
    minEntropy: 0,
    severity: 'high',
    confidence: 'medium',
    cwe: CREDENTIAL,
    priority: -2,
  },
];
