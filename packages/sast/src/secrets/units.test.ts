import { describe, expect, it } from 'vitest';
import { base62, crc32, verifyBase62Crc } from './checksum.js';
import { isHighEntropy, shannonEntropy } from './entropy.js';
import { isSecretName, nameBefore } from './names.js';
import { isPlaceholder, isReference } from './placeholders.js';
import { redact } from './redact.js';
import { resolveOverlaps } from './resolve.js';
import type { SecretMatch } from './types.js';

describe('checksums', () => {
  it('CRC-32 of a known string', () => {
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
  });

  it('verifies the dummy npm token published with the new npm token format', () => {
    expect(verifyBase62Crc('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', 'npm_')).toBe(true);
    expect(verifyBase62Crc('npm_qkJaB6MffYVzZXWqmcoF49yrUxP3wf0LsakQ', 'npm_')).toBe(false);
    expect(verifyBase62Crc('npm_short', 'npm_')).toBe(false);
  });

  it('pads base62 to the width', () => {
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 2)).toBe('0z');
  });
});

describe('entropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });

  it('uses per-alphabet thresholds', () => {
    expect(isHighEntropy('3f9a7c1e5b2d8f4a6c0e9b7d5f3a1c8e')).toBe(true); // hex
    expect(isHighEntropy('q8Zr2vLx9TfW4mKp7NcB3hYd')).toBe(true); // base64
    expect(isHighEntropy('Xk9#mP2vL!q7Rz4w')).toBe(true); // password-like
    expect(isHighEntropy('AuthenticationTokenProvider')).toBe(false); // identifier: no digit
    expect(isHighEntropy('aaaaaaaaaaaaaaaaaaaaaaaa1')).toBe(false);
    expect(isHighEntropy('hunter2')).toBe(false);
  });
});

describe('names', () => {
  it.each(['password', 'DB_PASSWORD', 'apiKey', 'client_secret', 'AUTH_TOKEN', 'x-api-key', 'accessKey', 'privateKey'])(
    '%s is secret-like',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  it.each(['author', 'token_url', 'passwordLength', 'AUTH_HEADER', 'client_id', 'monkey', 'keyboard', 'secret_name'])(
    '%s is not',
    (name) => expect(isSecretName(name)).toBe(false),
  );

  it('reads the name a value is assigned to', () => {
    const line = 'const apiKey = "abc';
    expect(nameBefore(line, line.indexOf('abc'))).toBe('apiKey');
    const json = '  "client_secret": "abc';
    expect(nameBefore(json, json.indexOf('abc'))).toBe('client_secret');
    expect(nameBefore('see abc', 4)).toBeUndefined();
  });
});

describe('placeholders', () => {
  it.each(['${TOKEN}', '$TOKEN', 'process.env.TOKEN', 'os.environ["X"]', 'os.getenv("X")', '{{ .Values.x }}', 'config.auth.token', 'getToken()'])(
    '%s is a reference',
    (v) => expect(isReference(v)).toBe(true),
  );
  it.each(['xxxxxxxxxxxx', '<token>', 'your_api_key_here', 'changeme', 'AKIAIOSFODNN7EXAMPLE', 'abcdefghijklmnop', '********', 'abcabcabcabc'])(
    '%s is a placeholder',
    (v) => expect(isPlaceholder(v)).toBe(true),
  );
  it('a random token is neither', () => {
    expect(isPlaceholder('q8Zr2vLx9TfW4mKp7NcB3hYd')).toBe(false);
    expect(isReference('q8Zr2vLx9TfW4mKp7NcB3hYd')).toBe(false);
  });
});

describe('redact', () => {
  it('is stable, distinct and keeps no more than four characters', () => {
    const a = redact('Stripe', 'sk_live_EyUsqddYtkP1gtSe22vcElPh');
    expect(a).toBe(redact('Stripe', 'sk_live_EyUsqddYtkP1gtSe22vcElPh'));
    expect(a).not.toBe(redact('Stripe', 'sk_live_EyUsqddYtkP1gtSe22vcElPi'));
    expect(a).toMatch(/^Stripe:sk_l…:[0-9a-f]{16}$/);
  });

  it('hashes a PEM body the same however it is wrapped or escaped', () => {
    expect(redact('k', 'MIIE\nabcd\nefgh')).toBe(redact('k', 'MIIE\\nabcd\\nefgh'));
  });
});

describe('resolveOverlaps', () => {
  const m = (ruleId: string, start: number, end: number, rank: number): SecretMatch => ({
    ruleId, title: ruleId, provider: ruleId, severity: 'high', confidence: 'high', cwe: ['CWE-798'],
    start, end, secret: 'x'.repeat(end - start), rank,
  });

  it('keeps the higher rank, then the longer match, and every disjoint match', () => {
    const kept = resolveOverlaps([m('generic', 0, 40, 0), m('github', 2, 40, 100), m('jwt', 50, 60, 99), m('url', 45, 70, 98), m('b', 80, 90, 0)]);
    expect(kept.map((k) => k.ruleId)).toEqual(['github', 'jwt', 'b']);
  });
});
