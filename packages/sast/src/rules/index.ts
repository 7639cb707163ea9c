export { parseRuleText, loadRuleFile } from './load-file.js';
export { loadRuleDir, builtinRulesDir, ruleFilesIn, type LoadedRule } from './load-dir.js';
export { loadRules, loadRulesWithFiles, selects, type LoadRulesOptions } from './load-rules.js';
export { searchRuleSchema, taintRuleSchema, RULE_ID } from './schema.js';
export { checkAstGrep } from './check-astgrep.js';
