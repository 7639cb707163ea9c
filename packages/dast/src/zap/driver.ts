import { setTimeout as delay } from 'node:timers/promises';
import { ServiceError, UserError } from '@rampart/core';
import { alertsToFindings } from '../findings.js';
import { parseTarget } from '../scope.js';
import type { DastEngine, DastOptions, DastResult, DastRunDeps } from '../types.js';
import { fetchAllAlerts, toReportAlerts } from './alerts.js';
import { ZapApi, numberField } from './api.js';

export interface ZapConnection {
  /** The ZAP API, e.g. `http://127.0.0.1:8090`. */
  url: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** How long to wait for a ZAP that is still starting (its API refuses connections until then). */
  startupTimeoutMs?: number;
  pollMs?: number;
}

const CONTEXT = 'rampart';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** ZAP never answered: with `--engine auto` the CLI scans with the built-in engine instead. */
export class ZapUnavailableError extends ServiceError {
}

/** Polls `core/view/version` until ZAP answers; ZAP takes tens of seconds to start in a container. */
export async function waitForZap(api: ZapApi, timeoutMs: number, sleep: (ms: number) => Promise<void>, pollMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const v = await api.view('core', 'version');
      return String(v.version ?? 'unknown');
    } catch (e) {
      last = (e as Error).message;
    }
    if (Date.now() >= until) throw new ZapUnavailableError(`ZAP at ${api.baseUrl} did not start within ${Math.round(timeoutMs / 1000)} s: ${last}`);
    await sleep(pollMs);
  }
}

interface Ctx {
  api: ZapApi;
  o: DastOptions;
  deps: DastRunDeps;
  deadline: number;
  sleep: (ms: number) => Promise<void>;
  pollMs: number;
}

/** Polls a progress view until it reports done or the scan's time is up, then stops the job. */
async function until(c: Ctx, what: string, done: () => Promise<boolean>, stop: () => Promise<unknown>): Promise<boolean> {
  for (;;) {
    if (await done()) return true;
    if (Date.now() >= c.deadline) {
      c.deps.logger.warn(`${what}: the scan's time limit was reached, stopping it`);
      await stop();
      return false;
    }
    await c.sleep(c.pollMs);
  }
}

async function setUpContext(c: Ctx, origin: string): Promise<string> {
  const { api, o } = c;
  const created = await api.action('context', 'newContext', { contextName: CONTEXT });
  // The context is the scope: the target's origin, narrowed by `include` and with `exclude` taken out.
  const includes = o.include.length > 0 ? o.include : [`^${escapeRegex(origin)}(/.*)?$`];
  for (const regex of includes) await api.action('context', 'includeInContext', { contextName: CONTEXT, regex });
  for (const regex of o.exclude) await api.action('context', 'excludeFromContext', { contextName: CONTEXT, regex });
  for (const [name, value] of Object.entries(o.headers)) {
    await api.action('replacer', 'addRule', {
      description: `rampart ${name}`, enabled: true, matchType: 'REQ_HEADER', matchRegex: false, matchString: name, replacement: value,
    });
  }
  await api.action('spider', 'setOptionMaxDepth', { Integer: o.maxDepth });
  await api.action('spider', 'setOptionMaxDuration', { Integer: Math.max(1, Math.ceil(o.maxDurationSeconds / 60)) });
  return String(created.contextId ?? '');
}

async function crawl(c: Ctx, target: string): Promise<void> {
  const { api, o } = c;
  if (o.mode === 'api') {
    if (!o.openapi?.url) throw new UserError('api mode with ZAP needs the OpenAPI definition as a URL ZAP can fetch', { field: '--openapi', expected: 'an http(s) URL' });
    await api.action('openapi', 'importUrl', { url: o.openapi.url, hostOverride: new URL(target).host });
  }
  const scan = numberField(await api.action('spider', 'scan', { url: target, maxChildren: o.maxChildren, recurse: true, contextName: CONTEXT }), 'scan');
  await until(c, 'spider', async () => numberField(await api.view('spider', 'status', { scanId: scan }), 'status') >= 100, () => api.action('spider', 'stop', { scanId: scan }));
  if (o.ajaxSpider) {
    await api.action('ajaxSpider', 'scan', { url: target, contextName: CONTEXT });
    await until(c, 'AJAX spider', async () => (await api.view('ajaxSpider', 'status')).status !== 'running', () => api.action('ajaxSpider', 'stop'));
  }
  await until(c, 'passive scan', async () => numberField(await api.view('pscan', 'recordsToScan'), 'recordsToScan') === 0, async () => undefined);
}

async function activeScan(c: Ctx, target: string, contextId: string): Promise<void> {
  const { api } = c;
  const scan = numberField(await api.action('ascan', 'scan', { url: target, recurse: true, contextId }), 'scan');
  await until(c, 'active scan', async () => numberField(await api.view('ascan', 'status', { scanId: scan }), 'status') >= 100, () => api.action('ascan', 'stop', { scanId: scan }));
}

/** DAST through a running ZAP: context as scope, spider (and AJAX spider), passive scan, active scan in full mode. */
export function zapEngine(conn: ZapConnection): DastEngine {
  return {
    id: 'zap',
    async scan(o: DastOptions, deps: DastRunDeps): Promise<DastResult> {
      const target = parseTarget(o.target);
      const api = new ZapApi(conn.url, conn.apiKey, conn.fetch);
      const sleep = deps.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
      const pollMs = conn.pollMs ?? 2000;
      const version = await waitForZap(api, conn.startupTimeoutMs ?? 180_000, sleep, pollMs);
      deps.logger.info(`ZAP ${version} at ${conn.url}`);
      const c: Ctx = { api, o, deps, deadline: Date.now() + o.maxDurationSeconds * 1000, sleep, pollMs };
      const contextId = await setUpContext(c, target.origin);
      await crawl(c, target.href);
      if (o.mode === 'full') await activeScan(c, target.href, contextId);
      const ignored = new Set([...o.rules].filter(([, a]) => a === 'IGNORE').map(([id]) => id));
      const all = toReportAlerts(await fetchAllAlerts(api, target.origin));
      const alerts = all.filter((a) => !ignored.has(String(a.pluginid)));
      const urls = await api.view('core', 'urls', { baseurl: target.origin });
      const tool = { name: 'ZAP', version };
      const notifications = all.length > alerts.length
        ? [{ level: 'note' as const, message: `${all.length - alerts.length} alert(s) of plugins set to IGNORE in the rules file were left out` }]
        : [];
      return {
        alerts,
        findings: alertsToFindings(alerts, tool),
        scannedResources: (Array.isArray(urls.urls) ? (urls.urls as string[]) : []).map((url) => ({ method: 'GET', url })),
        notifications,
        tool,
        zapReport: await api.other('core', 'jsonreport'),
      };
    },
  };
}
