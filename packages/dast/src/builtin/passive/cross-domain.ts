import type { PassiveCheck } from '../types.js';
import { def, raise } from './headers.js';

const d = def({
  pluginId: '10098', name: 'Cross-Domain Misconfiguration', risk: 2, confidence: 2, cweId: 264, wascId: 14,
  description: 'Access-Control-Allow-Origin: * lets any web site read this response from a visitor\'s browser; data that relies on network position (intranet, IP allow-lists) is exposed to every site.',
  solution: 'Answer CORS only for the origins that need the data, from an allow-list, or remove the header from responses that are not public.',
});

export const crossDomain: PassiveCheck = {
  def: d,
  check: (r) => ((r.headers['access-control-allow-origin'] ?? '').trim() === '*' ? [raise(d, r, { evidence: 'Access-Control-Allow-Origin: *' })] : []),
};
