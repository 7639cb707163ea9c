import type { HttpResponse } from '../../http/client.js';
import type { AlertDef, PassiveCheck, Raised } from '../types.js';

const ZAP_ALERTS = 'https://www.zaproxy.org/docs/alerts';

/** Responses a browser renders as a document: where page-level security headers matter. */
export function isDocument(r: HttpResponse): boolean {
  return r.status < 300 && r.status >= 200 && /text\/html/i.test(r.headers['content-type'] ?? '');
}

export function def(d: Omit<AlertDef, 'reference'> & { reference?: string }): AlertDef {
  return { ...d, reference: d.reference ?? `${ZAP_ALERTS}/${d.pluginId}/` };
}

export function raise(d: AlertDef, r: HttpResponse, extra: Partial<Raised['instance']> = {}): Raised {
  return { def: d, instance: { uri: r.url, method: r.method, ...extra } };
}

/** A check for a header a document response must carry. */
export function missingHeaderCheck(d: AlertDef, present: (r: HttpResponse) => boolean, applies: (r: HttpResponse) => boolean = isDocument): PassiveCheck {
  return { def: d, check: (r) => (applies(r) && !present(r) ? [raise(d, r)] : []) };
}
