import type { Tool } from '../../model/finding.js';

/** Home pages of tools whose results commonly reach Rampart; SARIF viewers link the tool name here. */
const INFORMATION_URI: Record<string, string> = {
  semgrep: 'https://semgrep.dev',
  bandit: 'https://github.com/PyCQA/bandit',
  eslint: 'https://eslint.org',
  gitleaks: 'https://github.com/gitleaks/gitleaks',
  trivy: 'https://github.com/aquasecurity/trivy',
  grype: 'https://github.com/anchore/grype',
  syft: 'https://github.com/anchore/syft',
  zap: 'https://www.zaproxy.org',
  'owasp zap': 'https://www.zaproxy.org',
  'ast-grep': 'https://ast-grep.github.io',
  osv: 'https://osv.dev',
  'osv-scanner': 'https://github.com/google/osv-scanner',
  'npm-audit': 'https://docs.npmjs.com/cli/commands/npm-audit',
  'npm audit': 'https://docs.npmjs.com/cli/commands/npm-audit',
  codeql: 'https://codeql.github.com',
};

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function informationUriOf(name: string): string | undefined {
  return INFORMATION_URI[name.toLowerCase()];
}

/** `semanticVersion` must be SemVer 2.0; tools that print `v1.2.3` get the `v` dropped, others none. */
export function semanticVersionOf(version: string): string | undefined {
  const v = version.trim().replace(/^v(?=\d)/, '');
  return SEMVER.test(v) ? v : undefined;
}

export function driverOf(tool: Tool): { name: string; version?: string; semanticVersion?: string; informationUri?: string } {
  const driver: { name: string; version?: string; semanticVersion?: string; informationUri?: string } = {
    name: tool.name,
  };
  if (tool.version.trim() !== '') driver.version = tool.version;
  const semver = semanticVersionOf(tool.version);
  if (semver !== undefined) driver.semanticVersion = semver;
  const uri = informationUriOf(tool.name);
  if (uri !== undefined) driver.informationUri = uri;
  return driver;
}
