import { defineRule, type RuleMatch } from '../../types.js';
import { isSecretName } from '../secret-names.js';
import { CIS_DOCKER } from './refs.js';

/** `NAME=value NAME2=value` or the legacy `NAME value` form. */
function declared(args: string): { name: string; value: string | undefined }[] {
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(?!\S*=)(.+)$/s.exec(args);
  if (legacy !== null && !args.includes('=')) return [{ name: legacy[1] ?? '', value: legacy[2]?.trim() }];
  const out: { name: string; value: string | undefined }[] = [];
  for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
    out.push({ name: m[1] ?? '', value: m[2]?.replace(/^["']|["']$/g, '') });
  }
  return out;
}

export const secretInEnv = defineRule({
  id: 'dockerfile.secret-in-env',
  title: 'Secret passed through ENV or ARG',
  confidence: 'medium',
  severity: 'high',
  cwe: ['CWE-538', 'CWE-798'],
  references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/', CIS_DOCKER],
  related: { trivy: ['AVD-DS-0031'], other: ['docker build check SecretsUsedInArgOrEnv'] },
  fix: 'Use a build secret (`RUN --mount=type=secret,id=token ...`) and pass runtime secrets when the container starts; ENV and ARG values stay in the image history.',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const ins of file.instructions) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
      for (const { name, value } of declared(ins.args)) {
        if (!isSecretName(name)) continue;
        // ENV with an empty value declares nothing; ARG leaks whatever is passed with --build-arg.
        if (ins.keyword === 'ENV' && (value === undefined || value === '')) continue;
        out.push({ line: ins.line, message: `${ins.keyword} ${name} puts a secret into the image metadata and history.` });
      }
    }
    return out;
  },
});
