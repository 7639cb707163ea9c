/**
 * Values that stand in for a secret rather than being one: template variables, environment
 * lookups, redactions, documentation examples and well-known published test keys.
 */

/** A reference to where the secret really lives: `${VAR}`, `process.env.X`, `os.environ["X"]`. */
const REFERENCE = [
  /^\$/, // $VAR, ${VAR}, $(cmd)
  /^%[A-Za-z_(]/, // %VAR% (Windows), %(name)s
  /\{\{|\}\}|\$\{|<%|%>/, // template engines
  /^<[^>]*>?$/, // <token>, <your-key>
  /\b(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|getenv|ENV\[|env\(|secrets\.|vault:|ssm:|arn:aws)/i,
  /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/, // config.auth.token: a property path, not a value
  /^[A-Za-z_$][\w$.]*\(.*\)?$/, // getToken(), readSecret(...)
  /^(?:true|false|null|nil|none|undefined|required|optional|string|bytes|str|int)$/i,
];

/** Words that mark a value as an example or redaction, wherever they appear in it. */
const PLACEHOLDER_WORDS =
  /x{4,}|X{4,}|\*{3,}|\.{3}|…|#{4,}|_{4,}|-{4,}|examp|sample|dummy|placeholder|changeme|change_me|replace|redacted|your[_-]?(?:api|secret|token|key|pass)|insert|fake|not_?a?_?real|mysecret|my_secret|secret123|password123|foobar|lorem|ipsum|<|>/i;

/** Test and development values: sequences, long zero runs, `dev-secret-key`, `TestToken`. */
const TEST_VALUE =
  /0{6,}|0123456|1234567|2345678|3456789|abcdefg|qwerty|(?:dev|test|local|demo|dummy)[-_]?(?:secret|password|passwd|token|key|api)|test[-_]?token|testkey|testsecret/i;

/** Published values that are known to every scanner and to nobody's production. */
const KNOWN_TEST_VALUES = new Set([
  // Azure Storage emulator (Azurite) account key, public in Microsoft's documentation.
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  // AWS documentation's example secret key.
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  // The UUID of RFC 4122-style examples and countless tutorials.
  '123e4567-e89b-12d3-a456-426614174000',
]);

export function isReference(value: string): boolean {
  return REFERENCE.some((re) => re.test(value));
}

/** A run that covers most of the value: `aaaaaaaa`, `12345678`, `abcdefgh`, `abcabcabc`. */
function isPatterned(value: string): boolean {
  if (/^(.{1,4})\1{3,}$/.test(value)) return true;
  let runs = 0;
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (d === 0 || d === 1) runs++;
  }
  return runs >= value.length * 0.6;
}

/**
 * An example or redaction rather than a credential. Provider tokens are checked with this only:
 * `isReference` would take a dotted token (a JWT, `SG.x.y`) for a property path.
 */
export function isPlaceholder(value: string): boolean {
  if (KNOWN_TEST_VALUES.has(value)) return true;
  if (PLACEHOLDER_WORDS.test(value) || TEST_VALUE.test(value)) return true;
  return isPatterned(value);
}
