export * from './types.js';
export { makeScope, parseTarget, type Scope } from './scope.js';
export { ScopedHttp, OutOfScopeError, BudgetExhaustedError, type HttpRequest, type HttpResponse, type ClientLimits } from './http/client.js';
export { alertsToFindings, zapTraditionalReport } from './findings.js';
