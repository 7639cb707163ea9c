import type { PassiveCheck } from '../types.js';
import { extractLinks } from '../crawl/html.js';
import { liveCookies } from './cookies.js';
import { def, isDocument, raise } from './headers.js';

const d = def({
  pluginId: '10202', name: 'Absence of Anti-CSRF Tokens', risk: 2, confidence: 1, cweId: 352, wascId: 9,
  description: 'A POST form on a page that sets a session cookie carries no anti-CSRF token, so another site can make a logged-in visitor submit it (cross-site request forgery).',
  solution: 'Add a per-session or per-request unpredictable token to every state-changing form and check it on the server (or use SameSite cookies and check Origin).',
});

/** Field names the common frameworks use for their tokens (Rails, Django, ASP.NET, Laravel, Spring, csurf, WordPress). */
const TOKEN_NAME = /csrf|xsrf|token|nonce|authenticity|requestverification/i;

export const antiCsrf: PassiveCheck = {
  def: d,
  check: (r) => {
    if (!isDocument(r) || liveCookies(r.setCookies).length === 0) return [];
    return extractLinks(r.body)
      .forms.filter((f) => f.method === 'POST' && !f.fields.some((x) => x.type === 'hidden' && TOKEN_NAME.test(x.name)))
      .map((f) => raise(d, r, { evidence: `<form action="${f.action}" method="post">`, otherinfo: `fields: ${f.fields.map((x) => x.name).join(', ')}` }));
  },
};
