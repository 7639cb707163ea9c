import { recordingLogger } from '@rampart/core';
import { ScopedHttp, type HttpResponse } from '../../src/http/client.js';
import { makeScope } from '../../src/scope.js';
import { ACTIVE_CHECKS } from '../../src/builtin/active/index.js';
import { startCanaryListener } from '../../src/builtin/canary.js';
import { crawl } from '../../src/builtin/crawl/crawler.js';
import { sendPoint } from '../../src/builtin/send.js';
import type { ActiveCheck, ActiveContext, Raised } from '../../src/builtin/types.js';
import { hardenedApp } from '../apps/hardened.js';
import { serve } from '../apps/serve.js';

export interface HardenedRun {
  /** Every response the crawl and the active checks received from the hardened app. */
  responses: HttpResponse[];
  /** What each active check raised, by plugin id. */
  activeRaised: Map<string, Raised[]>;
}

/**
 * Crawls the hardened app and runs every active check on every injection point (with an SSRF canary), keeping every
 * response, so the contract tests can hold each passive check against all of them and each active check to zero.
 */
export async function runAgainstHardened(checks: readonly ActiveCheck[] = ACTIVE_CHECKS): Promise<HardenedRun> {
  const app = await serve(hardenedApp());
  const canary = await startCanaryListener();
  try {
    const scope = makeScope(app.url, [], ['/logout']);
    const http = new ScopedHttp(scope, { budget: 5000, requestsPerSecond: 1000, concurrency: 4, timeoutMs: 15_000, maxBodyBytes: 1 << 21, headers: {} });
    const responses: HttpResponse[] = [];
    const send = http.send.bind(http);
    http.send = async (req) => {
      const res = await send(req);
      responses.push(res);
      return res;
    };
    const crawled = await crawl(http, scope, { target: app.url, maxDepth: 5, maxChildren: 50 }, recordingLogger());
    const ctx: ActiveContext = { http, send: (p, v) => sendPoint(http, p, v), canaryUrl: canary.canaryUrl, canaryHit: canary.canaryHit };
    const activeRaised = new Map<string, Raised[]>();
    for (const check of checks) {
      const raised: Raised[] = [];
      for (const point of crawled.points) raised.push(...(await check.run(point, ctx)));
      activeRaised.set(check.def.pluginId, raised);
    }
    return { responses, activeRaised };
  } finally {
    await Promise.all([app.close(), canary.close()]);
  }
}
