export { parseAnnotations, type Annotations, type AnnotationKind, type LineIds } from './annotations.js';
export {
  runRuleTest,
  formatRuleTestResult,
  testFilesFor,
  type RuleTestResult,
  type RuleOutcome,
  type RuleTestLine,
  type RuleTestOptions,
} from './run-rule-test.js';
