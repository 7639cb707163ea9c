/**
 * The variable or key a value is assigned to, read from the text just before it:
 * `token = "`, `"api_key": "`, `password: `, `export SECRET=`, `$key => '`.
 */
const ASSIGNED_TO = /([A-Za-z_$@][\w$.@-]{0,80})["'\]]?\s{0,4}(?:=>|:=|\?\?=|\|\|=|=|:)\s{0,4}[("'`]?\s{0,2}$/;

/** How far back a name may start; bounds the work per match. */
const LOOKBACK = 160;

export function nameBefore(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const from = Math.max(lineStart, offset - LOOKBACK);
  const m = ASSIGNED_TO.exec(text.slice(from, offset));
  return m?.[1];
}

const SECRET_WORDS = new Set([
  'password', 'passwd', 'pwd', 'passphrase', 'pass', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'auth',
  'authorization', 'credential', 'credentials', 'cred', 'creds', 'privatekey', 'pat',
]);
/** Joined name parts that name a secret even when no single part does: `api_key`, `clientSecret`. */
const SECRET_COMPOUNDS = [
  'apikey', 'accesskey', 'privatekey', 'clientsecret', 'secretkey', 'signingkey', 'encryptionkey', 'masterkey',
  'authkey', 'accesstoken', 'refreshtoken', 'bearertoken', 'sessionkey', 'apitoken', 'webhooksecret',
];
/** A last part that makes the name about the secret, not the secret: `token_url`, `passwordLength`. */
const NOT_SECRET_SUFFIX = new Set([
  'id', 'ids', 'name', 'names', 'url', 'uri', 'urls', 'endpoint', 'path', 'file', 'filename', 'dir', 'type', 'types',
  'length', 'len', 'size', 'count', 'header', 'field', 'env', 'prefix', 'regex', 'pattern', 'format', 'expiry',
  'expires', 'expiration', 'ttl', 'timeout', 'method', 'mode', 'provider', 'enabled', 'required', 'policy', 'hint',
  'label', 'placeholder', 'description', 'version', 'param', 'scope', 'scopes', 'issuer', 'audience', 'algorithm',
  'alg', 'ref', 'location', 'region', 'user', 'username', 'min', 'max', 'rotation', 'arn', 'var', 'variable',
]);

/** Splits `apiKey`, `API_KEY`, `api-key`, `auth.token` into lowercase parts. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((p) => p.length > 0);
}

export function isSecretName(name: string): boolean {
  const parts = nameParts(name);
  const last = parts[parts.length - 1];
  if (last === undefined || NOT_SECRET_SUFFIX.has(last)) return false;
  if (parts.some((p) => SECRET_WORDS.has(p))) return true;
  const joined = parts.join('');
  return SECRET_COMPOUNDS.some((c) => joined.includes(c));
}

/** Lowercase substrings a line must contain to be worth checking for a secret-like name. */
export const SECRET_NAME_KEYWORDS = ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred'];
