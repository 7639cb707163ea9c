import { mapZapAlert, type RawFinding, type Tool, type ZapAlert } from '@rampart/core';

/** Alerts of either engine to findings, one per instance, through core's ZAP mapping. */
export function alertsToFindings(alerts: ZapAlert[], tool: Tool): RawFinding[] {
  const out: RawFinding[] = [];
  alerts.forEach((a, i) => {
    for (const r of mapZapAlert(a, tool, `alerts[${i}]`)) if (r.ok) out.push(r.data);
  });
  return out;
}

/** ZAP's traditional JSON report, so users of ZAP's tooling can read what the built-in engine found too. */
export function zapTraditionalReport(target: string, alerts: ZapAlert[], tool: Tool, generated: Date): string {
  const host = new URL(target);
  const site = {
    '@name': host.origin,
    '@host': host.hostname,
    '@port': host.port || (host.protocol === 'https:' ? '443' : '80'),
    '@ssl': String(host.protocol === 'https:'),
    alerts,
  };
  return `${JSON.stringify({ '@programName': tool.name, '@version': tool.version, '@generated': generated.toUTCString(), site: [site] }, null, 2)}\n`;
}
