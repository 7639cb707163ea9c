import { BudgetExhaustedError, OutOfScopeError, ScopedHttp } from '../http/client.js';
import { alertsToFindings, zapTraditionalReport } from '../findings.js';
import { makeScope } from '../scope.js';
import type { DastEngine, DastOptions, DastResult, DastRunDeps } from '../types.js';
import { ACTIVE_CHECKS } from './active/index.js';
import { AlertCollector } from './alerts.js';
import { crawl } from './crawl/crawler.js';
import { PASSIVE_CHECKS } from './passive/index.js';
import { sendPoint } from './send.js';
import type { ActiveCheck, ActiveContext, InjectionPoint, PassiveCheck } from './types.js';

export interface BuiltinEngineOptions {
  version: string;
  fetch?: typeof fetch;
  passive?: readonly PassiveCheck[];
  active?: readonly ActiveCheck[];
  /** An SSRF canary listener the active checks may point the target at. */
  canary?: Pick<ActiveContext, 'canaryUrl' | 'canaryHit'>;
}

async function runActive(checks: readonly ActiveCheck[], points: InjectionPoint[], ctx: ActiveContext, collector: AlertCollector): Promise<boolean> {
  for (const point of points) {
    for (const check of checks) {
      try {
        collector.add(await check.run(point, ctx));
      } catch (e) {
        if (e instanceof BudgetExhaustedError) return true;
        if (!(e instanceof OutOfScopeError)) throw e;
      }
    }
  }
  return false;
}

/** Crawl, passive checks on every response, and in full mode the safe active checks on every injection point. */
export function builtinEngine(options: BuiltinEngineOptions): DastEngine {
  const passive = options.passive ?? PASSIVE_CHECKS;
  const active = options.active ?? ACTIVE_CHECKS;
  return {
    id: 'builtin',
    async scan(o: DastOptions, deps: DastRunDeps): Promise<DastResult> {
      const scope = makeScope(o.target, o.include, o.exclude);
      const http = new ScopedHttp(
        scope,
        {
          budget: o.requestBudget,
          requestsPerSecond: o.requestsPerSecond,
          concurrency: o.concurrency,
          timeoutMs: 15_000,
          maxBodyBytes: 2 * 1024 * 1024,
          deadline: Date.now() + o.maxDurationSeconds * 1000,
          headers: o.headers,
        },
        options.fetch,
      );
      const crawled = await crawl(http, scope, { target: o.target, maxDepth: o.maxDepth, maxChildren: o.maxChildren, ...(o.openapi?.text ? { openapiText: o.openapi.text } : {}) }, deps.logger);
      const collector = new AlertCollector();
      for (const res of crawled.responses) for (const check of passive) collector.add(check.check(res));
      let truncated = crawled.truncated;
      if (o.mode === 'full' && !truncated) {
        const ctx: ActiveContext = { http, send: (p, v) => sendPoint(http, p, v), ...(options.canary ?? {}) };
        truncated = await runActive(active, crawled.points, ctx, collector);
      }
      const ignored = new Set([...o.rules].filter(([, a]) => a === 'IGNORE').map(([id]) => id));
      const alerts = collector.alerts().filter((a) => !ignored.has(String(a.pluginid)));
      const tool = { name: 'rampart-dast', version: options.version };
      const seen = new Set<string>();
      const scannedResources = http.requested.filter((r) => {
        const k = `${r.method} ${r.url}`;
        return seen.has(k) ? false : (seen.add(k), true);
      });
      return {
        alerts,
        findings: alertsToFindings(alerts, tool),
        scannedResources,
        notifications: truncated
          ? [{ level: 'warning', message: `the scan stopped early: request budget (${o.requestBudget}) or time limit (${o.maxDurationSeconds} s) reached after ${http.count} requests` }]
          : [],
        tool,
        zapReport: zapTraditionalReport(o.target, alerts, tool, deps.now()),
      };
    },
  };
}
