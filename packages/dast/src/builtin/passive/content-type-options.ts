import { def, missingHeaderCheck } from './headers.js';

export const contentTypeOptions = missingHeaderCheck(
  def({
    pluginId: '10021', name: 'X-Content-Type-Options Header Missing', risk: 1, confidence: 2, cweId: 693, wascId: 15,
    description: 'Without X-Content-Type-Options: nosniff, browsers may sniff a response into a type that executes.',
    solution: 'Send X-Content-Type-Options: nosniff on every response.',
  }),
  (r) => (r.headers['x-content-type-options'] ?? '').toLowerCase().trim() === 'nosniff',
  (r) => r.status >= 200 && r.status < 300 && r.body.length > 0,
);
