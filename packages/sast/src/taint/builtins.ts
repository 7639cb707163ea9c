import type { TaintRule } from '../rule-types.js';

/**
 * Built-in knowledge added to every taint rule. A sanitizer entry matches a callee whose dotted text
 * equals it or ends with `.<entry>` (so `escape` covers `mysql.escape` and `connection.escape`).
 */
export interface Builtins {
  /** The call's result is safe for this rule's vulnerability class. */
  isSanitizer(callee: string): boolean;
  /** The call returns a number, a boolean or a digest: nothing an attacker can shape. */
  isCleanCall(callee: string, method: string | undefined): boolean;
  /** A string built after this constant prefix cannot change what it points to (host-fixed URL). */
  prefixSafe(literal: string): boolean;
  /** `if (p.startsWith(ROOT))` counts as a path check (only for path traversal). */
  startsWithGuards: boolean;
}

// Number and boolean conversions make any string harmless, whatever the sink.
const NUMERIC = [
  'parseInt', 'parseFloat', 'Number', 'Boolean', 'Number.parseInt', 'Number.parseFloat', 'isNaN', 'isFinite',
  'Math.floor', 'Math.ceil', 'Math.round', 'Math.abs', 'Math.min', 'Math.max', 'Math.trunc',
  'int', 'float', 'bool', 'len', 'abs', 'round', 'hash', 'ord', 'isinstance', 'hasattr', 'callable', 'id',
  'uuid.UUID', 'decimal.Decimal', 'Decimal',
  // Java number and boolean parsing.
  'parseLong', 'parseDouble', 'parseShort', 'parseByte', 'parseBoolean', 'Integer.valueOf', 'Long.valueOf',
  'Double.valueOf', 'Float.valueOf', 'Short.valueOf', 'Byte.valueOf', 'Boolean.valueOf', 'UUID.fromString',
  'Math.toIntExact', 'BigInteger.valueOf', 'BigDecimal.valueOf',
];

// Java encoders: OWASP ESAPI (`ESAPI.encoder().encodeForX`), OWASP Java Encoder (`Encode.forX`), Spring, Commons Text/Lang.
const JAVA_HTML = [
  'encodeForHTML', 'encodeForHTMLAttribute', 'encodeForJavaScript', 'encodeForCSS', 'Encode.forHtml', 'Encode.forHtmlContent',
  'Encode.forHtmlAttribute', 'Encode.forJavaScript', 'Encode.forXml', 'HtmlUtils.htmlEscape', 'StringEscapeUtils.escapeHtml4',
  'StringEscapeUtils.escapeHtml3', 'StringEscapeUtils.escapeHtml', 'StringEscapeUtils.escapeXml11', 'JavaScriptUtils.javaScriptEscape',
];

const BY_CWE: Record<string, string[]> = {
  'CWE-78': ['encodeForOS', 'shlex.quote', 'pipes.quote', 'shellescape', 'shellEscape', 'escapeShellArg', 'encodeURIComponent'],
  'CWE-79': [
    'escape', 'escapeHtml', 'escapeHTML', 'escape_html', 'html.escape', 'cgi.escape', 'markupsafe.escape',
    'bleach.clean', 'he.encode', 'he.escape', 'DOMPurify.sanitize', 'sanitizeHtml', 'xss', 'filterXSS',
    'encodeURIComponent', 'urllib.parse.quote', 'quote_plus', 'textContent', ...JAVA_HTML,
  ],
  'CWE-22': ['FilenameUtils.getName', 'FilenameUtils.getBaseName', 'getFileName', 'getName', 'path.basename', 'os.path.basename', 'secure_filename', 'sanitizeFilename', 'sanitize-filename'],
  'CWE-89': ['encodeForSQL', 'StringEscapeUtils.escapeSql', 'escape', 'escapeLiteral', 'escapeIdentifier', 'SqlString.escape', 'escapeId', 'quote_ident'],
  'CWE-943': ['String', 'mongoSanitize', 'mongo-sanitize', 'sanitize'],
  'CWE-601': ['URLEncoder.encode', 'encodeForURL', 'encodeURIComponent', 'urllib.parse.quote', 'quote_plus', 'url_for'],
  'CWE-918': ['encodeURIComponent', 'urllib.parse.quote', 'quote_plus'],
  'CWE-1333': ['escapeRegExp', 'escapeStringRegexp', 'escape-string-regexp', 're.escape', 'RegExp.escape'],
  'CWE-730': ['escapeRegExp', 'escapeStringRegexp', 're.escape', 'RegExp.escape'],
  'CWE-90': ['encodeForLDAP', 'encodeForDN', 'LdapEncoder.filterEncode', 'LdapEncoder.nameEncode'],
  'CWE-643': ['encodeForXPath'],
  'CWE-95': ['JSON.stringify'],
  'CWE-94': ['JSON.stringify'],
};

// Methods whose result carries no attacker-shaped text.
const CLEAN_METHODS = new Set([
  'includes', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'test', 'has', 'some', 'every', 'findIndex',
  'localeCompare', 'charCodeAt', 'codePointAt', 'getTime', 'isArray', 'isInteger', 'isSafeInteger',
  'count', 'find', 'index', 'rfind', 'startswith', 'endswith', 'isdigit', 'isalnum', 'isalpha', 'isnumeric',
  'isdecimal', 'isspace', 'islower', 'isupper', 'isidentifier', 'hexdigest', 'digest', 'exists', 'isfile', 'isdir',
  // Java: booleans, sizes, hashes.
  'equals', 'equalsIgnoreCase', 'contains', 'containsKey', 'isEmpty', 'isBlank', 'length', 'size', 'hashCode', 'matches', 'compareTo',
  'hasMoreElements', 'hasNext',
]);

const HOST_FIXED = /^([a-zA-Z][\w+.-]*:)?\/\/[^/?#\s]+[/?#]/;
const RELATIVE_PATH = /^\/[^/\\]/;

function calleeMatches(callee: string, entries: Iterable<string>): boolean {
  for (const entry of entries) if (callee === entry || callee.endsWith(`.${entry}`)) return true;
  return false;
}

export function builtinsFor(rule: TaintRule): Builtins {
  const cwes = new Set(rule.cwe.map((c) => c.toUpperCase()));
  const sanitizers = new Set<string>();
  for (const cwe of cwes) for (const entry of BY_CWE[cwe] ?? []) sanitizers.add(entry);
  const urlRule = cwes.has('CWE-918') || cwes.has('CWE-601');
  return {
    isSanitizer: (callee) => calleeMatches(callee, sanitizers),
    isCleanCall: (callee, method) =>
      (method !== undefined && CLEAN_METHODS.has(method)) || calleeMatches(callee, NUMERIC),
    prefixSafe: (literal) => urlRule && (HOST_FIXED.test(literal) || RELATIVE_PATH.test(literal)),
    startsWithGuards: cwes.has('CWE-22'),
  };
}
