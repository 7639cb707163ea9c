import type { HttpResponse } from '../../http/client.js';
import { def } from '../passive/headers.js';
import type { AlertDef, InjectionPoint, Raised } from '../types.js';

export { def };

/** An alert on an injection point: ZAP reports the attacked parameter, the payload and what gave it away. */
export function raiseAt(d: AlertDef, point: InjectionPoint, attack: string, evidence: string, otherinfo?: string): Raised {
  return {
    def: d,
    instance: { uri: point.url, method: point.method, param: point.param, attack, evidence, ...(otherinfo ? { otherinfo } : {}) },
  };
}

/** The parameter's value as the crawler saw it. */
export function original(point: InjectionPoint): string {
  return point.params[point.param] ?? '';
}

export function isHtmlResponse(r: HttpResponse): boolean {
  return /html/i.test(r.headers['content-type'] ?? '');
}
