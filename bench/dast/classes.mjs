// Vulnerability classes both reports are reduced to, so Rampart's ZAP plugin ids and Wapiti's category names can be
// compared class by class. A class a tool has no check for maps to nothing on that side.

/** ZAP plugin ids (what Rampart's built-in engine raises) to classes. */
export const RAMPART_CLASSES = {
  40012: 'xss-reflected', 40018: 'sql-injection', 6: 'path-traversal', 90020: 'command-injection', 20019: 'open-redirect',
  40046: 'ssrf', 40040: 'cors', 10098: 'cors', 10038: 'csp', 10055: 'csp', 10202: 'csrf', 10010: 'cookie-flags',
  10011: 'cookie-flags', 10054: 'cookie-flags', 10020: 'security-headers', 10021: 'security-headers', 10035: 'security-headers',
  90022: 'error-disclosure', 10027: 'info-comments', 10036: 'version-leak', 10037: 'version-leak',
};

/** Wapiti 3 report categories (vulnerabilities and anomalies) to classes. */
export const WAPITI_CLASSES = {
  'Cross Site Scripting': 'xss-reflected', 'Stored Cross Site Scripting': 'xss-stored', 'SQL Injection': 'sql-injection',
  'Blind SQL Injection': 'sql-injection', 'Path Traversal': 'path-traversal', 'Command execution': 'command-injection',
  'Open Redirect': 'open-redirect', 'Server Side Request Forgery': 'ssrf', 'Content Security Policy Configuration': 'csp',
  'Cross Site Request Forgery': 'csrf', 'Secure Flag cookie': 'cookie-flags', 'HttpOnly Flag cookie': 'cookie-flags',
  'HTTP Secure Headers': 'security-headers', 'Internal Server Error': 'server-error', 'CRLF Injection': 'crlf',
  'XML External Entity': 'xxe', 'Potentially dangerous file': 'dangerous-file', 'Backup file': 'backup-file',
  'Htaccess Bypass': 'htaccess-bypass', 'Resource consumption': 'resource-consumption',
};

/** The classes Rampart's engine and the Wapiti modules the bench runs both look for. */
export const SHARED_CLASSES = ['xss-reflected', 'sql-injection', 'path-traversal', 'command-injection', 'open-redirect', 'ssrf', 'csp', 'csrf', 'cookie-flags', 'security-headers', 'error-disclosure'];

/** Page-level classes are compared by page: Wapiti names no parameter for them, Rampart names the cookie. */
const PAGE_LEVEL = new Set(['cookie-flags', 'csp', 'security-headers', 'cors', 'version-leak', 'info-comments', 'error-disclosure']);

function place(cls, method, pathname, param) {
  return `${method} ${pathname}${param && !PAGE_LEVEL.has(cls) ? ` ${param}` : ''}`;
}

/** `class -> Set("METHOD /path param")` from Rampart's findings. */
export function rampartFound(findings) {
  const out = new Map();
  for (const f of findings) {
    const cls = RAMPART_CLASSES[f.ruleId];
    if (!cls || f.location.type !== 'url') continue;
    const where = place(cls, f.location.method ?? 'GET', new URL(f.location.url).pathname, f.location.param);
    if (!out.has(cls)) out.set(cls, new Set());
    out.get(cls).add(where);
  }
  return out;
}

/** The same from Wapiti's JSON report (`vulnerabilities` and `anomalies`, each `{ category: [{ method, path, parameter }] }`). */
export function wapitiFound(report) {
  const out = new Map();
  for (const section of ['vulnerabilities', 'anomalies']) {
    for (const [category, items] of Object.entries(report[section] ?? {})) {
      const cls = WAPITI_CLASSES[category] ?? `other: ${category}`;
      for (const it of items) {
        const where = place(cls, it.method ?? 'GET', it.path, it.parameter);
        if (!out.has(cls)) out.set(cls, new Set());
        out.get(cls).add(where);
      }
    }
  }
  return out;
}
