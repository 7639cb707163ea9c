import type { IacRule } from '../../types.js';
import { persistCredentials } from './persist-credentials.js';
import { defaultPermissions, writeAll } from './permissions.js';
import { inputInjection, templateInjection } from './template-injection.js';
import { unpinnedAction, unpinnedFirstPartyAction } from './unpinned-uses.js';
import { prTargetCheckout, secretsInUntrustedEnv } from './untrusted-checkout.js';

export const GITHUB_RULES: readonly IacRule[] = [
  templateInjection,
  inputInjection,
  prTargetCheckout,
  secretsInUntrustedEnv,
  unpinnedAction,
  unpinnedFirstPartyAction,
  writeAll,
  defaultPermissions,
  persistCredentials,
];
