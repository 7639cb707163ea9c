import type { HttpResponse, ScopedHttp } from '../http/client.js';
import type { InjectionPoint } from './types.js';

/** The point's request with one parameter replaced, encoded as the page or API sent it. */
export function sendPoint(http: ScopedHttp, point: InjectionPoint, value: string): Promise<HttpResponse> {
  const params = { ...point.params, [point.param]: value };
  if (point.method === 'GET') {
    const url = new URL(point.url);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return http.send({ method: 'GET', url: url.href });
  }
  if (point.encoding === 'json') {
    return http.send({ method: 'POST', url: point.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
  }
  return http.send({
    method: 'POST',
    url: point.url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
}
