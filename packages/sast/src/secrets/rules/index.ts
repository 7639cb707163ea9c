import type { SecretRule } from '../types.js';
import { aiRules } from './ai.js';
import { chatRules } from './chat.js';
import { cloudRules } from './cloud.js';
import { keyRules } from './keys.js';
import { paymentRules } from './payments.js';
import { registryRules } from './registries.js';
import { saasRules } from './saas.js';
import { vcsRules } from './vcs.js';

/**
 * Every built-in provider rule. A rule file's array must be listed here; the contract test
 * fails on a rule file whose rules are missing.
 */
export const SECRET_RULE_GROUPS: Readonly<Record<string, readonly SecretRule[]>> = {
  ai: aiRules,
  chat: chatRules,
  cloud: cloudRules,
  keys: keyRules,
  payments: paymentRules,
  registries: registryRules,
  saas: saasRules,
  vcs: vcsRules,
};

export const SECRET_RULES: readonly SecretRule[] = Object.values(SECRET_RULE_GROUPS).flat();

export function secretRuleById(id: string): SecretRule | undefined {
  return SECRET_RULES.find((r) => r.id === id);
}
