import { isHighEntropy } from './entropy.js';
import { isSecretName, SECRET_NAME_KEYWORDS } from './names.js';
import { isPlaceholder, isReference } from './placeholders.js';
import type { TextIndex } from './text-index.js';
import type { SecretMatch } from './types.js';

export const GENERIC_RULE_ID = 'secrets.generic-high-entropy';

/**
 * `name <op> value`, with the value quoted or bare. Every quantifier is bounded, so each start
 * position costs at most a few hundred steps whatever the line holds.
 */
const ASSIGNMENT =
  /([A-Za-z_$@][\w$.@-]{0,80})["'\]]?\s{0,4}(?:=>|:=|=|:)\s{0,4}(?:(["'`])([^"'`\r\n]{1,500})\2|([^\s"'`,;)\]}<>]{1,500}))/g;

/** Files where a secret is written bare (`KEY=value`, `key: value`); in code a bare word is an identifier. */
const BARE_VALUE_FILE = /(?:^|\/)(?:\.env[^/]*|[^/]*\.(?:env|ya?ml|properties|ini|cfg|conf|toml|sh|bash|zsh|npmrc|pypirc|netrc|tfvars|hcl|txt)|Dockerfile[^/]*|\.npmrc|\.pypirc|\.netrc|[^/.]+)$/i;

/** `API_KEY_NAME`-style constants are names of things, not secrets. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** The credential inside an `Authorization` style value. */
function unwrap(value: string): string {
  const m = /^(?:Bearer|Basic|Token|token)\s+(\S+)$/.exec(value);
  return m?.[1] ?? value;
}

function credibleValue(raw: string, bare: boolean): string | undefined {
  const value = unwrap(raw.trim());
  if (/\s/.test(value) || value.length > 500) return undefined;
  if (isReference(value) || isPlaceholder(value)) return undefined;
  if (value.includes('://') || /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value) || /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(value)) return undefined;
  if (bare && CONSTANT_NAME.test(value)) return undefined;
  return isHighEntropy(value) ? value : undefined;
}

/** High-entropy values assigned to secret-like names, in code and configuration. */
export function findGenericSecrets(index: TextIndex, path: string): SecretMatch[] {
  const allowBare = BARE_VALUE_FILE.test(path.replace(/\\/g, '/'));
  const out: SecretMatch[] = [];
  for (const line of index.linesWith(SECRET_NAME_KEYWORDS)) {
    const start = index.lineStart(line);
    const segment = index.text.slice(start, index.lineEnd(line));
    ASSIGNMENT.lastIndex = 0;
    for (let m = ASSIGNMENT.exec(segment); m !== null; m = ASSIGNMENT.exec(segment)) {
      const name = m[1] ?? '';
      const quoted = m[3];
      const raw = quoted ?? m[4];
      if (raw === undefined || (quoted === undefined && !allowBare) || !isSecretName(name)) continue;
      const value = credibleValue(raw, quoted === undefined);
      if (value === undefined) continue;
      const at = start + m.index + m[0].lastIndexOf(value);
      out.push({
        ruleId: GENERIC_RULE_ID,
        title: 'High-entropy secret',
        provider: 'generic',
        severity: 'high',
        confidence: 'low',
        cwe: ['CWE-798'],
        start: at,
        end: at + value.length,
        secret: value,
        name,
        rank: 0,
      });
    }
  }
  return out;
}
