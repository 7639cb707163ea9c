export * from './types.js';
export { makeScope, parseTarget, type Scope } from './scope.js';
export { ScopedHttp, OutOfScopeError, BudgetExhaustedError, type HttpRequest, type HttpResponse, type ClientLimits } from './http/client.js';
export { alertsToFindings, zapTraditionalReport } from './findings.js';
export { zapEngine, waitForZap, type ZapConnection } from './zap/driver.js';
export { ZapApi } from './zap/api.js';
export { parseRulesTsv, gateActions } from './zap/rules.js';
