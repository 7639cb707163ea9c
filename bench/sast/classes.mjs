// Vulnerability classes for comparing findings across tools. A peer finding is mapped by rule id to one class; a
// Rampart finding belongs to a class when one of its CWE identifiers is in the class' CWE set. The sets are wide on
// purpose (a weak TLS protocol is CWE-327 for one tool and CWE-326 for another): the overlap should measure whether
// Rampart saw the same problem on the same line, not whether both tools picked the same CWE number.

/** class -> CWEs that count as the same class when Rampart reports them. */
export const CLASSES = {
  'command-injection': ['CWE-78', 'CWE-77', 'CWE-88'],
  'code-injection': ['CWE-94', 'CWE-95', 'CWE-1336'],
  'dynamic-require': ['CWE-94', 'CWE-95', 'CWE-829', 'CWE-706', 'CWE-22'],
  'path-traversal': ['CWE-22', 'CWE-23', 'CWE-73'],
  'sql-injection': ['CWE-89'],
  xss: ['CWE-79', 'CWE-80', 'CWE-1336'],
  deserialization: ['CWE-502'],
  'xml-parsing': ['CWE-611', 'CWE-776', 'CWE-827'],
  'weak-hash': ['CWE-327', 'CWE-328', 'CWE-916'],
  'weak-cipher': ['CWE-327', 'CWE-326', 'CWE-329'],
  'weak-random': ['CWE-330', 'CWE-338'],
  'tls-verification': ['CWE-295', 'CWE-297', 'CWE-322'],
  'weak-tls-protocol': ['CWE-327', 'CWE-326', 'CWE-757'],
  'insecure-tempfile': ['CWE-377', 'CWE-379'],
  'file-permissions': ['CWE-732'],
  'hardcoded-credentials': ['CWE-259', 'CWE-798', 'CWE-321'],
  'bind-all-interfaces': ['CWE-605', 'CWE-1327'],
  'cleartext-protocol': ['CWE-319'],
  'url-open-scheme': ['CWE-918', 'CWE-939', 'CWE-22'],
  'debug-enabled': ['CWE-489', 'CWE-215', 'CWE-94'],
  redos: ['CWE-1333', 'CWE-400', 'CWE-730'],
  'regex-injection': ['CWE-1333', 'CWE-400', 'CWE-625', 'CWE-730'],
  'object-injection': ['CWE-1321', 'CWE-915'],
  'timing-attack': ['CWE-208', 'CWE-203'],
  'buffer-safety': ['CWE-119', 'CWE-908', 'CWE-665'],
  csrf: ['CWE-352'],
  'trojan-source': ['CWE-451'],
  'error-handling': ['CWE-703'],
  'assert-used': ['CWE-703', 'CWE-617'],
  'subprocess-import': ['CWE-78'],
};

/** eslint-plugin-security 4.x rule -> class. */
export const ESLINT_SECURITY = {
  'security/detect-bidi-characters': 'trojan-source',
  'security/detect-buffer-noassert': 'buffer-safety',
  'security/detect-child-process': 'command-injection',
  'security/detect-disable-mustache-escape': 'xss',
  'security/detect-eval-with-expression': 'code-injection',
  'security/detect-new-buffer': 'buffer-safety',
  'security/detect-no-csrf-before-method-override': 'csrf',
  'security/detect-non-literal-fs-filename': 'path-traversal',
  'security/detect-non-literal-regexp': 'regex-injection',
  'security/detect-non-literal-require': 'dynamic-require',
  'security/detect-object-injection': 'object-injection',
  'security/detect-possible-timing-attacks': 'timing-attack',
  'security/detect-pseudoRandomBytes': 'weak-random',
  'security/detect-unsafe-regex': 'redos',
};

/** Bandit test id -> class (the plugins and blacklist calls/imports of Bandit 1.6/1.7). */
export const BANDIT = {
  B101: 'assert-used',
  B102: 'code-injection', // exec_used
  B103: 'file-permissions',
  B104: 'bind-all-interfaces',
  B105: 'hardcoded-credentials',
  B106: 'hardcoded-credentials',
  B107: 'hardcoded-credentials',
  B108: 'insecure-tempfile', // hardcoded /tmp path
  B110: 'error-handling', // try/except/pass
  B112: 'error-handling', // try/except/continue
  B201: 'debug-enabled', // flask debug=True
  B301: 'deserialization', // pickle
  B302: 'deserialization', // marshal
  B303: 'weak-hash', // md5, sha1
  B304: 'weak-cipher',
  B305: 'weak-cipher', // ECB mode
  B306: 'insecure-tempfile', // mktemp
  B307: 'code-injection', // eval
  B308: 'xss', // mark_safe
  B309: 'tls-verification', // HTTPSConnection without context
  B310: 'url-open-scheme', // urlopen with any scheme
  B311: 'weak-random', // random module
  B312: 'cleartext-protocol', // telnetlib
  B313: 'xml-parsing',
  B314: 'xml-parsing',
  B315: 'xml-parsing',
  B316: 'xml-parsing',
  B317: 'xml-parsing',
  B318: 'xml-parsing',
  B319: 'xml-parsing',
  B320: 'xml-parsing',
  B321: 'cleartext-protocol', // ftplib
  B322: 'code-injection', // Python 2 input()
  B323: 'tls-verification', // ssl._create_unverified_context
  B324: 'weak-hash', // hashlib.new('md5')
  B325: 'insecure-tempfile', // os.tempnam
  B401: 'cleartext-protocol', // import telnetlib
  B402: 'cleartext-protocol', // import ftplib
  B403: 'deserialization', // import pickle
  B404: 'subprocess-import', // import subprocess
  B405: 'xml-parsing',
  B406: 'xml-parsing',
  B407: 'xml-parsing',
  B408: 'xml-parsing',
  B409: 'xml-parsing',
  B410: 'xml-parsing',
  B411: 'xml-parsing', // xmlrpclib
  B412: 'code-injection', // httpoxy
  B413: 'weak-cipher', // pycrypto
  B501: 'tls-verification', // requests verify=False
  B502: 'weak-tls-protocol',
  B503: 'weak-tls-protocol',
  B504: 'weak-tls-protocol',
  B505: 'weak-cipher', // short keys
  B506: 'deserialization', // yaml.load
  B507: 'tls-verification', // paramiko AutoAddPolicy
  B601: 'command-injection', // paramiko exec_command
  B602: 'command-injection', // subprocess with shell=True
  B603: 'command-injection', // subprocess without shell
  B604: 'command-injection', // any call with shell=True
  B605: 'command-injection', // os.system, os.popen...
  B606: 'command-injection', // os.exec*, os.spawn* without a shell
  B607: 'command-injection', // partial executable path
  B608: 'sql-injection', // SQL built from strings
  B609: 'command-injection', // wildcard injection
  B610: 'sql-injection', // django extra
  B611: 'sql-injection', // django RawSQL
  B701: 'xss', // jinja2 autoescape=False
  B702: 'xss', // mako templates
  B703: 'xss', // django mark_safe
};

/** The class of a peer rule, or `unmapped:<rule>` so that nothing is silently dropped. */
export function classOf(table, ruleId) {
  return table[ruleId] ?? `unmapped:${ruleId}`;
}

/** Does a Rampart finding (its CWE identifiers) belong to `cls`? */
export function inClass(cls, cwes) {
  const set = CLASSES[cls];
  return set !== undefined && cwes.some((c) => set.includes(c));
}
