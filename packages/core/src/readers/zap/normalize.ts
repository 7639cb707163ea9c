import { isRecord } from '../schema.js';

/**
 * XML and the JSON that older ZAP converted from it give a single child as an object and an empty
 * element as "", where the current JSON report always has a list.
 */
export function asArray(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === undefined || v === null || v === '') return [];
  return [v];
}

/** `[..]`, `{alertitem: [..]}` (XML), `{alertitem: {..}}` or a lone `{..}` all mean a list. */
function listOf(v: unknown, wrapper: string): unknown[] {
  if (isRecord(v) && wrapper in v) return asArray(v[wrapper]);
  return asArray(v);
}

function normalizeSite(site: unknown): unknown {
  if (!isRecord(site)) return site;
  const alerts = listOf(site['alerts'], 'alertitem').map((alert) =>
    isRecord(alert) ? { ...alert, instances: listOf(alert['instances'], 'instance') } : alert,
  );
  return { ...site, alerts };
}

/**
 * One shape for every traditional report: the XML root's attributes and children as the JSON report
 * has them (attributes are parsed with an `@` prefix, as the JSON report names them), lists as lists.
 */
export function normalizeZap(doc: Record<string, unknown>): Record<string, unknown> {
  const root = 'OWASPZAPReport' in doc ? doc['OWASPZAPReport'] : doc;
  const top = isRecord(root) ? root : {};
  return { ...top, site: asArray(top['site']).map(normalizeSite) };
}
