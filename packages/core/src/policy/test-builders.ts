import type { Finding, Location } from '../model/finding.js';
import { assignFingerprints } from '../model/fingerprint.js';

/** Test-only builders: the smallest valid findings, with overrides, fingerprinted as core would. */
export function sourceFinding(over: Partial<Finding> & { path?: string; line?: number; snippet?: string } = {}): Finding {
  const { path = 'src/app.ts', line = 10, snippet = 'eval(input)', ...rest } = over;
  const location: Location = { type: 'source', path, startLine: line, snippet };
  return fingerprinted({
    kind: 'sast',
    ruleId: 'js.eval',
    title: 'eval of user input',
    message: 'User input reaches eval',
    severity: 'high',
    identifiers: [{ type: 'cwe', value: 'CWE-95' }],
    location,
    tool: { name: 'rampart-sast', version: '0.1.0' },
    ...rest,
  });
}

export function packageFinding(
  over: Partial<Finding> & { name?: string; version?: string; file?: string; image?: string } = {},
): Finding {
  const { name = 'lodash', version = '4.17.20', file, image, ...rest } = over;
  const location: Location = {
    type: 'package',
    name,
    version,
    ...(file !== undefined ? { file } : {}),
    ...(image !== undefined ? { image } : {}),
  };
  if (file === undefined && image === undefined) location.file = 'package-lock.json';
  return fingerprinted({
    kind: 'dependency',
    ruleId: 'CVE-2021-23337',
    title: 'Command injection in lodash',
    message: 'lodash is vulnerable',
    severity: 'high',
    identifiers: [],
    location,
    tool: { name: 'trivy', version: '0.58.1' },
    ...rest,
  });
}

export function urlFinding(over: Partial<Finding> & { url?: string } = {}): Finding {
  const { url = 'https://app.example/admin/login?next=/', ...rest } = over;
  return fingerprinted({
    kind: 'dast',
    ruleId: '10202',
    title: 'Absence of Anti-CSRF Tokens',
    message: 'No anti-CSRF token in form',
    severity: 'medium',
    identifiers: [{ type: 'zap', value: '10202' }],
    location: { type: 'url', url, method: 'GET' },
    tool: { name: 'zap', version: '2.16.0' },
    ...rest,
  });
}

function fingerprinted(f: Omit<Finding, 'fingerprint'> & { fingerprint?: string }): Finding {
  const [out] = assignFingerprints([{ ...f, fingerprint: f.fingerprint }] as Finding[]);
  if (out === undefined) throw new Error('unreachable');
  return out;
}
