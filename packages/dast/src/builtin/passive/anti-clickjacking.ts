import { def, missingHeaderCheck } from './headers.js';

/** Either header protects: `frame-ancestors` supersedes X-Frame-Options in browsers that support CSP level 2. */
export const antiClickjacking = missingHeaderCheck(
  def({
    pluginId: '10020', name: 'Missing Anti-clickjacking Header', risk: 2, confidence: 2, cweId: 1021, wascId: 15,
    description: 'The page can be framed by another site, which can trick users into clicking on it (clickjacking).',
    solution: "Send X-Frame-Options: DENY or SAMEORIGIN, or a Content-Security-Policy with frame-ancestors 'none' or 'self'.",
  }),
  (r) => r.headers['x-frame-options'] !== undefined || /frame-ancestors/i.test(r.headers['content-security-policy'] ?? ''),
);
