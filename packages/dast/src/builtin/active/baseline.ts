import type { HttpResponse } from '../../http/client.js';
import type { ActiveContext, InjectionPoint } from '../types.js';
import { original } from './alert.js';

const cache = new WeakMap<ActiveContext, Map<string, Promise<HttpResponse>>>();

/**
 * The point's unmodified request, sent once per scan and shared by every check: each check compares its payload's
 * response with it, and sending it again per check would spend the budget for nothing.
 */
export function baseline(ctx: ActiveContext, point: InjectionPoint): Promise<HttpResponse> {
  let perScan = cache.get(ctx);
  if (!perScan) {
    perScan = new Map();
    cache.set(ctx, perScan);
  }
  const key = `${point.method} ${point.url} ${point.param}`;
  let pending = perScan.get(key);
  if (!pending) {
    pending = ctx.send(point, original(point));
    // A failed baseline (budget, timeout) must not be reused as if it were the page.
    pending.catch(() => perScan.delete(key));
    perScan.set(key, pending);
  }
  return pending;
}
