import { banditAdapter } from './bandit/index.js';
import { eslintAdapter } from './eslint/index.js';
import { gitleaksAdapter } from './gitleaks/index.js';
import { semgrepAdapter } from './semgrep/index.js';
import type { ToolAdapter } from './types.js';

/** Every tool adapter, one folder each; the contract test fails when a folder is missing here. */
export const ADAPTERS: readonly ToolAdapter[] = Object.freeze([banditAdapter, semgrepAdapter, eslintAdapter, gitleaksAdapter]);

export function adapterById(id: string): ToolAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}
