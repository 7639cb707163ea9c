import { verifyBase62Crc } from '../checksum.js';
import type { SecretRule } from '../types.js';
import { CREDENTIAL, mixedAlnum } from './shared.js';

const GITHUB_REVOKE = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation';

/** The classic GitHub token kinds share one shape and checksum, differing by prefix only. */
function githubRule(prefix: string, id: string, title: string): SecretRule {
  return {
    id,
    title,
    provider: 'GitHub',
    regex: new RegExp(`(?<![A-Za-z0-9_])(${prefix}_[A-Za-z0-9]{36})(?![A-Za-z0-9_])`),
    keywords: [`${prefix}_`],
    validate: (s) => verifyBase62Crc(s, `${prefix}_`),
    severity: 'critical',
    confidence: 'high',
    cwe: CREDENTIAL,
    revokeUrl: GITHUB_REVOKE,
  };
}

export const vcsRules: SecretRule[] = [
  githubRule('ghp', 'secrets.github-pat', 'GitHub personal access token (classic)'),
  githubRule('gho', 'secrets.github-oauth-token', 'GitHub OAuth access token'),
  githubRule('ghu', 'secrets.github-user-to-server-token', 'GitHub App user-to-server token'),
  githubRule('ghs', 'secrets.github-server-to-server-token', 'GitHub App installation token'),
  githubRule('ghr', 'secrets.github-refresh-token', 'GitHub App refresh token'),
  {
    id: 'secrets.github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    provider: 'GitHub',
    regex: /(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/,
    keywords: ['github_pat_'],
    validate: (s) => mixedAlnum(s.slice(11)),
    severity: 'critical',
    cwe: CREDENTIAL,
    revokeUrl: GITHUB_REVOKE,
  },
  {
    id: 'secrets.gitlab-pat',
    title: 'GitLab personal, project or group access token',
    provider: 'GitLab',
    // Legacy tokens have 20 characters after the prefix; routable ones (GitLab 17+) are longer
    // and end in `.<version>.<crc>`.
    regex: /(?<![A-Za-z0-9_-])(glpat-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{5,12})?)(?![A-Za-z0-9_.-])/,
    keywords: ['glpat-'],
    severity: 'critical',
    cwe: CREDENTIAL,
    revokeUrl: 'https://docs.gitlab.com/user/profile/personal_access_tokens/#revoke-a-personal-access-token',
  },
  {
    id: 'secrets.gitlab-token',
    title: 'GitLab deploy, runner, CI/CD or trigger token',
    provider: 'GitLab',
    regex:
      /(?<![A-Za-z0-9_-])((?:gldt|glrt|glptt|glcbt|glft|glsoat|glimt|glagent|gloas)-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{5,12})?)(?![A-Za-z0-9_.-])/,
    keywords: ['gldt-', 'glrt-', 'glptt-', 'glcbt-', 'glft-', 'glsoat-', 'glimt-', 'glagent-', 'gloas-'],
    severity: 'high',
    cwe: CREDENTIAL,
    revokeUrl: 'https://docs.gitlab.com/security/tokens/',
  },
  {
    id: 'secrets.gitlab-runner-registration-token',
    title: 'GitLab runner registration token',
    provider: 'GitLab',
    regex: /(?<![A-Za-z0-9_])(GR1348941[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])/,
    keywords: ['gr1348941'],
    severity: 'high',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.atlassian-api-token',
    title: 'Atlassian API token',
    provider: 'Atlassian',
    regex: /(?<![A-Za-z0-9_])(ATATT3[A-Za-z0-9_=-]{150,250})(?![A-Za-z0-9_=-])/,
    keywords: ['atatt3'],
    severity: 'high',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.bitbucket-app-password',
    title: 'Bitbucket app password',
    provider: 'Atlassian',
    regex: /(?<![A-Za-z0-9_])(ATBB[A-Za-z0-9_=.-]{28,40})(?![A-Za-z0-9_=.-])/,
    keywords: ['atbb'],
    validate: (s) => mixedAlnum(s.slice(4)),
    severity: 'critical',
    cwe: CREDENTIAL,
  },
];
