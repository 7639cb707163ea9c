import type { PassiveCheck } from '../types.js';
import { antiClickjacking } from './anti-clickjacking.js';
import { antiCsrf } from './anti-csrf.js';
import { contentTypeOptions } from './content-type-options.js';
import { cookieHttpOnly } from './cookie-httponly.js';
import { cookieSameSite } from './cookie-samesite.js';
import { cookieSecure } from './cookie-secure.js';
import { crossDomain } from './cross-domain.js';
import { cspMissing } from './csp-missing.js';
import { cspWeak } from './csp-weak.js';
import { errorDisclosure } from './error-disclosure.js';
import { hstsMissing } from './hsts.js';
import { suspiciousComments } from './suspicious-comments.js';
import { poweredByLeak, serverVersionLeak } from './version-leaks.js';

/** Every passive check; `contract.test.ts` fails when a check file's export is missing here. */
export const PASSIVE_CHECKS: readonly PassiveCheck[] = [
  cspMissing,
  cspWeak,
  antiClickjacking,
  contentTypeOptions,
  hstsMissing,
  serverVersionLeak,
  poweredByLeak,
  cookieHttpOnly,
  cookieSecure,
  cookieSameSite,
  crossDomain,
  errorDisclosure,
  suspiciousComments,
  antiCsrf,
];
