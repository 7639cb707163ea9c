import type { PassiveCheck } from '../types.js';
import { sqlError } from '../active/sql-errors.js';
import { def, raise } from './headers.js';

const d = def({
  pluginId: '90022', name: 'Application Error Disclosure', risk: 2, confidence: 2, cweId: 550, wascId: 13,
  description: 'The page shows an error with internals: a stack trace, file paths, framework or database messages, which tell an attacker how the application is built and where it breaks.',
  solution: 'Show a generic error page with a reference id and log the details on the server; turn off debug modes in production.',
});

/** Stack traces and framework error pages, per platform; each needs structure (a frame, a file and line), not a word. */
const SIGNATURES: readonly RegExp[] = [
  /\bat (?:[\w$.<>[\]]+ )?(?:\[as \w+\] )?\((?:\/|[A-Za-z]:\\|node:|file:\/\/)[^)\s]*:\d+:\d+\)/, // Node.js
  /Traceback \(most recent call last\):/, // Python
  /\bat [\w$]+(?:\.[\w$<>]+)+\([\w$]+\.java:\d+\)/, // Java
  /\b(?:java\.lang|javax\.servlet|org\.springframework)\.[\w.]*(?:Exception|Error)\b/,
  /Server Error in '[^']*' Application|ASP\.NET is configured to show verbose error messages|\bat [\w.]+\(.*\) in [A-Za-z]:\\[^:]+:line \d+/, // .NET
  /<b>(?:Warning|Fatal error|Parse error|Notice)<\/b>:.{0,300}? in <b>[^<]+<\/b> on line <b>\d+<\/b>|PHP (?:Warning|Fatal error|Parse error):.{0,300}? on line \d+/, // PHP
  /You're seeing this error because you have <code>DEBUG = True<\/code>/, // Django
  /\.rb:\d+:in `[^']+'/, // Ruby
  /goroutine \d+ \[running\]:/, // Go
];

export const errorDisclosure: PassiveCheck = {
  def: d,
  check: (r) => {
    if (!/html|text\/plain|json|xml/i.test(r.headers['content-type'] ?? '')) return [];
    for (const s of SIGNATURES) {
      const m = s.exec(r.body);
      if (m) return [raise(d, r, { evidence: m[0].slice(0, 200) })];
    }
    const db = sqlError(r.body);
    return db ? [raise(d, r, { evidence: db.evidence, otherinfo: `${db.db} error message` })] : [];
  },
};
