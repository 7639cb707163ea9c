import type { ZapAlert } from '@rampart/core';
import type { AlertDef, Raised } from './types.js';

/** Collects raised alerts into ZAP's report shape: one alert per plugin, instances deduplicated. */
export class AlertCollector {
  private readonly byPlugin = new Map<string, { def: AlertDef; instances: Map<string, Raised['instance']> }>();

  add(raised: readonly Raised[]): void {
    for (const r of raised) {
      let g = this.byPlugin.get(r.def.pluginId);
      if (!g) {
        g = { def: r.def, instances: new Map() };
        this.byPlugin.set(r.def.pluginId, g);
      }
      const key = `${r.instance.method} ${r.instance.uri} ${r.instance.param ?? ''}`;
      if (!g.instances.has(key)) g.instances.set(key, r.instance);
    }
  }

  alerts(): ZapAlert[] {
    return [...this.byPlugin.values()]
      .sort((a, b) => b.def.risk - a.def.risk || a.def.pluginId.localeCompare(b.def.pluginId))
      .map(({ def, instances }) => ({
        pluginid: def.pluginId,
        alertRef: def.pluginId,
        alert: def.name,
        name: def.name,
        riskcode: String(def.risk),
        confidence: String(def.confidence),
        desc: def.description,
        solution: def.solution,
        reference: def.reference,
        cweid: String(def.cweId),
        wascid: String(def.wascId),
        instances: [...instances.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)),
      }));
  }
}
