import { verifyBase62Crc } from '../checksum.js';
import type { SecretRule } from '../types.js';
import { CREDENTIAL, mixedAlnum } from './shared.js';

/** Package registries: a leaked publish token is a supply-chain compromise, so all are critical. */
export const registryRules: SecretRule[] = [
  {
    id: 'secrets.npm-token',
    title: 'npm access token',
    provider: 'npm',
    regex: /(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    keywords: ['npm_'],
    validate: (s) => verifyBase62Crc(s, 'npm_'),
    severity: 'critical',
    confidence: 'high',
    cwe: CREDENTIAL,
    revokeUrl: 'https://docs.npmjs.com/revoking-access-tokens',
  },
  {
    id: 'secrets.pypi-token',
    title: 'PyPI API token',
    provider: 'PyPI',
    // A macaroon whose base64 starts with the location: `pypi.org` or `test.pypi.org`.
    regex: /(?<![A-Za-z0-9_-])(pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,400})(?![A-Za-z0-9_-])/,
    keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
    severity: 'critical',
    cwe: CREDENTIAL,
    revokeUrl: 'https://pypi.org/help/#apitoken',
  },
  {
    id: 'secrets.rubygems-api-key',
    title: 'RubyGems API key',
    provider: 'RubyGems',
    regex: /(?<![A-Za-z0-9_])(rubygems_[a-f0-9]{48})(?![A-Za-z0-9_])/,
    keywords: ['rubygems_'],
    severity: 'critical',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.nuget-api-key',
    title: 'NuGet API key',
    provider: 'NuGet',
    regex: /(?<![A-Za-z0-9_])(oy2[a-z0-9]{43})(?![A-Za-z0-9_])/,
    keywords: ['oy2'],
    validate: (s) => /\d/.test(s.slice(3)) && /[a-z]/.test(s.slice(3)),
    severity: 'critical',
    confidence: 'medium',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.dockerhub-token',
    title: 'Docker Hub access token',
    provider: 'Docker',
    regex: /(?<![A-Za-z0-9_])(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32})(?![A-Za-z0-9_-])/,
    keywords: ['dckr_pat_', 'dckr_oat_'],
    validate: (s) => mixedAlnum(s.slice(9)),
    severity: 'critical',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.packagist-token',
    title: 'Private Packagist token',
    provider: 'Private Packagist',
    // 60 hex characters of entropy and 8 of checksum.
    regex: /(?<![A-Za-z0-9_])(packagist_(?:ort|out|uut|uat)_[a-f0-9]{68})(?![A-Za-z0-9_])/,
    keywords: ['packagist_'],
    severity: 'critical',
    cwe: CREDENTIAL,
  },
];
