import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeZapOptions {
  apiKey: string;
  /** Connections refused (reset) before the API answers, as while ZAP starts. */
  refuseFirst?: number;
  /** Alerts as `alert/view/alerts` returns them (one object per instance). */
  alerts?: Record<string, string>[];
  urls?: string[];
  /** Spider progress per status poll; 0 never finishes. */
  spiderStep?: number;
  version?: string;
}

export interface FakeZap {
  url: string;
  /** Every API call as `<component>/<type>/<name>` with its query. */
  calls: { path: string; query: Record<string, string> }[];
  /** A ZAP started with a generated key (the action's container) gets it after start. */
  setApiKey(key: string): void;
  close(): Promise<void>;
}

/** A ZAP daemon's JSON API on 127.0.0.1, with the response shapes of ZAP's API documentation. */
export async function startFakeZap(options: FakeZapOptions): Promise<FakeZap> {
  const o = { ...options };
  let refused = 0;
  const progress = { spider: 0, ascan: 0, pscan: 3 };
  const calls: FakeZap['calls'] = [];
  const server: Server = createServer((req, res) => {
    if (refused < (o.refuseFirst ?? 0)) {
      refused++;
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://zap');
    const query = Object.fromEntries(url.searchParams);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers['x-zap-api-key'] !== o.apiKey) return json(400, { code: 'bad_api_key', message: 'Bad API key' });
    const m = /^\/(JSON|OTHER)\/(\w+)\/(view|action|other)\/(\w+)\/?$/.exec(url.pathname);
    if (!m) return json(400, { code: 'bad_format', message: 'Bad format' });
    const [, , component, type, name] = m;
    const path = `${component}/${type}/${name}`;
    calls.push({ path, query });
    const ok = () => json(200, { Result: 'OK' });
    switch (path) {
      case 'core/view/version':
        return json(200, { version: o.version ?? '2.16.0' });
      case 'context/action/newContext':
        return json(200, { contextId: '1' });
      case 'context/action/includeInContext':
      case 'context/action/excludeFromContext':
      case 'replacer/action/addRule':
      case 'spider/action/setOptionMaxDepth':
      case 'spider/action/setOptionMaxDuration':
      case 'spider/action/stop':
      case 'ascan/action/stop':
      case 'openapi/action/importUrl':
        return ok();
      case 'spider/action/scan':
        return json(200, { scan: '0' });
      case 'spider/view/status':
        progress.spider = Math.min(100, progress.spider + (o.spiderStep ?? 50));
        return json(200, { status: String(progress.spider) });
      case 'pscan/view/recordsToScan':
        progress.pscan = Math.max(0, progress.pscan - 2);
        return json(200, { recordsToScan: String(progress.pscan) });
      case 'ascan/action/scan':
        return json(200, { scan: '1' });
      case 'ascan/view/status':
        progress.ascan = Math.min(100, progress.ascan + 50);
        return json(200, { status: String(progress.ascan) });
      case 'alert/view/alerts': {
        const start = Number(query.start ?? 0);
        const count = Number(query.count ?? 0) || Number.MAX_SAFE_INTEGER;
        const all = (o.alerts ?? []).filter((a) => !query.baseurl || (a.url ?? '').startsWith(query.baseurl));
        return json(200, { alerts: all.slice(start, start + count) });
      }
      case 'core/view/urls':
        return json(200, { urls: o.urls ?? [] });
      case 'core/other/jsonreport':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ '@programName': 'ZAP', '@version': o.version ?? '2.16.0', site: [] }));
      default:
        return json(400, { code: 'no_implementor', message: `No implementor: ${path}` });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    setApiKey: (key) => {
      o.apiKey = key;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
