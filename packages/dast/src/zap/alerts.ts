import type { ZapAlert } from '@rampart/core';
import type { ZapApi } from './api.js';

/** One alert as `alert/view/alerts` returns it: one object per instance. */
export interface ApiAlert {
  pluginId?: string;
  alertRef?: string;
  alert?: string;
  name?: string;
  risk?: string;
  confidence?: string;
  cweid?: string;
  wascid?: string;
  description?: string;
  solution?: string;
  reference?: string;
  other?: string;
  url?: string;
  method?: string;
  param?: string;
  attack?: string;
  evidence?: string;
}

const RISK: Record<string, string> = { informational: '0', low: '1', medium: '2', high: '3' };
const CONFIDENCE: Record<string, string> = { 'false positive': '0', low: '1', medium: '2', high: '3', confirmed: '4' };

/** Every alert, page by page: ZAP caps a page and a big site has thousands of instances. */
export async function fetchAllAlerts(api: ZapApi, baseurl: string | undefined, pageSize = 500): Promise<ApiAlert[]> {
  const out: ApiAlert[] = [];
  for (let start = 0; ; start += pageSize) {
    const body = await api.view('alert', 'alerts', { baseurl, start, count: pageSize });
    const page = Array.isArray(body.alerts) ? (body.alerts as ApiAlert[]) : [];
    out.push(...page);
    if (page.length < pageSize) return out;
  }
}

/** API alerts grouped into the traditional report's shape: one alert per plugin and name, with its instances. */
export function toReportAlerts(alerts: ApiAlert[]): ZapAlert[] {
  const groups = new Map<string, ZapAlert & { instances: Record<string, string>[] }>();
  for (const a of alerts) {
    const pluginid = a.pluginId ?? '';
    const key = `${a.alertRef ?? pluginid}\u0000${a.alert ?? a.name ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        pluginid,
        alertRef: a.alertRef ?? pluginid,
        alert: a.alert ?? a.name,
        name: a.name ?? a.alert,
        riskcode: RISK[(a.risk ?? '').toLowerCase()] ?? '0',
        confidence: CONFIDENCE[(a.confidence ?? '').toLowerCase()] ?? '2',
        desc: a.description,
        solution: a.solution,
        reference: a.reference,
        cweid: a.cweid,
        wascid: a.wascid,
        instances: [],
      };
      groups.set(key, g);
    }
    const inst: Record<string, string> = { uri: a.url ?? '', method: a.method ?? 'GET' };
    if (a.param) inst.param = a.param;
    if (a.attack) inst.attack = a.attack;
    if (a.evidence) inst.evidence = a.evidence;
    if (a.other) inst.otherinfo = a.other;
    g.instances.push(inst);
  }
  return [...groups.values()];
}
