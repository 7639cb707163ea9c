import type { Identifier, RawFinding, Tool } from '../../model/finding.js';
import { fromZapConfidence, fromZapRisk } from '../../model/severity.js';
import { makeFinding, urlLocation } from '../build.js';
import { cweIdentifier, uniqueIdentifiers } from '../identifiers.js';
import { parseEntry, type EntryResult } from '../schema.js';
import { htmlToParagraphs, linkList, nonEmpty, sections } from '../text.js';
import { asArray } from './normalize.js';
import { zapInstanceSchema, type ZapAlert, type ZapInstance } from './schema.js';

function identifiersOf(a: ZapAlert, pluginId: string): Identifier[] {
  const wasc = Number.parseInt(String(a.wascid ?? ''), 10);
  return uniqueIdentifiers([
    { type: 'zap', value: pluginId, url: `https://www.zaproxy.org/docs/alerts/${encodeURIComponent(pluginId)}/` },
    cweIdentifier(a.cweid),
    Number.isInteger(wasc) && wasc > 0 ? { type: 'wasc', value: `WASC-${wasc}` } : undefined,
  ]);
}

function helpOf(a: ZapAlert): string | undefined {
  return sections([
    { heading: 'Solution', body: htmlToParagraphs(a.solution).join('\n\n') },
    { heading: 'References', body: linkList(htmlToParagraphs(a.reference)) },
  ]);
}

/** The alert's own fields stand in for an instance in reports from before ZAP listed instances. */
function instancesOf(a: ZapAlert): unknown[] {
  const list = asArray(a.instances);
  if (list.length > 0) return list;
  return a.uri ? [{ uri: a.uri, method: a.method, param: a.param, evidence: a.evidence }] : [];
}

/** One finding per alert instance: each is a distinct URL, method and parameter. */
export function mapZapAlert(a: ZapAlert, tool: Tool, entry: string): EntryResult<RawFinding>[] {
  const confidence = fromZapConfidence(a.confidence ?? '');
  if (confidence === 'false-positive') {
    return [{ ok: false, skipped: { reason: 'alert is marked as a false positive in ZAP', entry } }];
  }
  const instances = instancesOf(a);
  if (instances.length === 0) return [{ ok: false, skipped: { reason: 'alert has no instances (no URL)', entry } }];
  const pluginId = String(a.pluginid).trim();
  if (pluginId === '') return [{ ok: false, skipped: { reason: 'alert has no pluginid', entry } }];
  const shared = {
    kind: 'dast' as const,
    ruleId: pluginId,
    title: nonEmpty(a.name) ?? nonEmpty(a.alert),
    message: htmlToParagraphs(a.desc).join('\n\n'),
    help: helpOf(a),
    severity: fromZapRisk(a.riskcode),
    ...(confidence ? { confidence } : {}),
    identifiers: identifiersOf(a, pluginId),
    tool,
  };
  return instances.map((raw, i): EntryResult<RawFinding> => {
    const at = `${entry}.instances[${i}]`;
    const p = parseEntry(zapInstanceSchema, raw, at, 'alert instance');
    if (!p.ok) return p;
    const inst: ZapInstance = p.data;
    const url = nonEmpty(inst.uri);
    if (!url) return { ok: false, skipped: { reason: 'alert instance has no uri', entry: at } };
    const location = urlLocation({ url, method: inst.method, param: inst.param, evidence: inst.evidence ?? inst.attack });
    return { ok: true, data: makeFinding({ ...shared, location }) };
  });
}
