import { ServiceError } from '@rampart/core';

export type ZapParams = Record<string, string | number | boolean | undefined>;

/**
 * ZAP's JSON API: `GET /JSON/<component>/<view|action>/<name>/?...` and `/OTHER/...` for reports. The API key goes
 * in the `X-ZAP-API-Key` header, never in the URL, so it does not land in ZAP's own logs or proxies' logs.
 */
export class ZapApi {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 60_000,
  ) {}

  private url(prefix: string, component: string, type: string, name: string, params: ZapParams): string {
    const u = new URL(`${prefix}/${component}/${type}/${name}/`, this.baseUrl);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.href;
  }

  private async get(url: string): Promise<Response> {
    try {
      return await this.fetchImpl(url, { headers: { 'X-ZAP-API-Key': this.apiKey }, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (e) {
      throw new ServiceError(`ZAP at ${this.baseUrl} did not answer: ${(e as Error).message}`);
    }
  }

  private async json(type: 'view' | 'action', component: string, name: string, params: ZapParams): Promise<Record<string, unknown>> {
    const res = await this.get(this.url('JSON', component, type, name, params));
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ServiceError(`ZAP ${component}/${name} answered HTTP ${res.status} with something that is not JSON`);
    }
    if (!res.ok) {
      const b = body as { code?: unknown; message?: unknown };
      throw new ServiceError(`ZAP ${component}/${name} failed (HTTP ${res.status}, ${String(b.code ?? '')}): ${String(b.message ?? text.slice(0, 200))}`);
    }
    return (body ?? {}) as Record<string, unknown>;
  }

  view(component: string, name: string, params: ZapParams = {}): Promise<Record<string, unknown>> {
    return this.json('view', component, name, params);
  }

  action(component: string, name: string, params: ZapParams = {}): Promise<Record<string, unknown>> {
    return this.json('action', component, name, params);
  }

  async other(component: string, name: string, params: ZapParams = {}): Promise<string> {
    const res = await this.get(this.url('OTHER', component, 'other', name, params));
    const text = await res.text();
    if (!res.ok) throw new ServiceError(`ZAP ${component}/${name} failed (HTTP ${res.status}): ${text.slice(0, 200)}`);
    return text;
  }
}

/** ZAP answers numbers as strings (`{"status": "42"}`). */
export function numberField(body: Record<string, unknown>, key: string): number {
  const n = Number(body[key]);
  if (!Number.isFinite(n)) throw new ServiceError(`ZAP answered ${JSON.stringify(body).slice(0, 200)} without a number in "${key}"`);
  return n;
}
