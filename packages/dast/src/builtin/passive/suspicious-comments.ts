import { Parser } from 'htmlparser2';
import type { HttpResponse } from '../../http/client.js';
import { jsComments } from '../active/js-scan.js';
import type { PassiveCheck } from '../types.js';
import { def, raise } from './headers.js';

const d = def({
  pluginId: '10027', name: 'Information Disclosure - Suspicious Comments', risk: 0, confidence: 1, cweId: 615, wascId: 13,
  description: 'A comment sent to every visitor mentions unfinished work, credentials or administration, which may point an attacker to weak spots.',
  solution: 'Remove comments that say anything about security, credentials or unfinished work from what the server sends; keep them in the source.',
});

/** Markers developers leave (upper case, as written) and topics an attacker looks for (any case). */
const SUSPICIOUS = [/\b(?:TODO|FIXME|HACK|XXX|BUG)\b/, /\b(?:passwords?|passwd|secret|api[_ -]?key|credentials?|admin(?:istrator)?|debug)\b/i];

function comments(r: HttpResponse): string[] {
  const type = r.headers['content-type'] ?? '';
  if (/javascript|ecmascript/i.test(type)) return jsComments(r.body);
  if (!/html/i.test(type)) return [];
  const out: string[] = [];
  let script = '';
  let inScript = false;
  const parser = new Parser({
    oncomment: (c) => {
      // Conditional comments are markup for old browsers, not notes.
      if (!/^\s*\[if\b/i.test(c)) out.push(c);
    },
    onopentag: (name) => {
      inScript = name === 'script';
      script = '';
    },
    ontext: (t) => {
      if (inScript) script += t;
    },
    onclosetag: (name) => {
      if (name === 'script') out.push(...jsComments(script));
      inScript = false;
    },
  });
  parser.write(r.body);
  parser.end();
  return out;
}

export const suspiciousComments: PassiveCheck = {
  def: d,
  check: (r) => {
    const hit = comments(r).find((c) => SUSPICIOUS.some((p) => p.test(c)));
    return hit ? [raise(d, r, { evidence: hit.trim().slice(0, 200) })] : [];
  },
};
