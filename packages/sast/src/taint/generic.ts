import type { Syntax } from './syntax.js';

/**
 * Languages without a taint grammar adapter yet: no propagation through variables, so only a source
 * that appears inside a sink's checked arguments (`exec(r.FormValue("c"))`) is reported.
 */
export const GENERIC_SYNTAX: Syntax = {
  handlers: {},
  functionAt: () => undefined,
  functionKinds: [],
  pathOf: () => undefined,
  fold: () => undefined,
  constants: () => new Map(),
  guards: () => [],
  bind: () => undefined,
};
