import type { PassiveCheck } from '../types.js';
import { antiClickjacking } from './anti-clickjacking.js';
import { contentTypeOptions } from './content-type-options.js';
import { cookieHttpOnly } from './cookie-httponly.js';
import { cspMissing } from './csp-missing.js';
import { poweredByLeak, serverVersionLeak } from './version-leaks.js';

/** Every passive check; `contract.test.ts` fails when a check file's export is missing here. */
export const PASSIVE_CHECKS: readonly PassiveCheck[] = [
  cspMissing,
  antiClickjacking,
  contentTypeOptions,
  serverVersionLeak,
  poweredByLeak,
  cookieHttpOnly,
];
