import { def, missingHeaderCheck } from './headers.js';

export const cspMissing = missingHeaderCheck(
  def({
    pluginId: '10038', name: 'Content Security Policy (CSP) Header Not Set', risk: 2, confidence: 3, cweId: 693, wascId: 15,
    description: 'The page sets no Content-Security-Policy, so injected scripts and frames run with its full privileges.',
    solution: 'Send a Content-Security-Policy header that allows only the script, style and frame sources the page needs.',
  }),
  (r) => r.headers['content-security-policy'] !== undefined,
);
