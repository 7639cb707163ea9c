export { dedupe } from './dedupe.js';
export { sortFindings } from './order.js';
export { type IgnoreEntry, isExpired, describeIgnore, checkIgnoreEntry } from './ignore-entry.js';
export { applyIgnores, ignoreNotifications, type IgnoreResult } from './ignores.js';
export { parseInlineIgnores, type InlineIgnore } from './inline-parse.js';
export { applyInlineIgnores } from './inline.js';
export { diffBaseline } from './baseline.js';
export { evaluateGate, parseFailOn, FAIL_ON_VALUES, type FailOn, type GateInput } from './gate.js';
