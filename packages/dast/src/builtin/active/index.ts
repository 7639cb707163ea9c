import type { ActiveCheck } from '../types.js';
import { commandInjection } from './command-injection.js';
import { corsMisconfiguration } from './cors.js';
import { externalRedirect } from './external-redirect.js';
import { pathTraversal } from './path-traversal.js';
import { sqlInjection } from './sql-injection.js';
import { ssrf } from './ssrf.js';
import { xssReflected } from './xss-reflected.js';

/** Every active check (full mode only); `contract.test.ts` fails when a check file's export is missing here. */
export const ACTIVE_CHECKS: readonly ActiveCheck[] = [
  xssReflected,
  sqlInjection,
  pathTraversal,
  externalRedirect,
  commandInjection,
  ssrf,
  corsMisconfiguration,
];
