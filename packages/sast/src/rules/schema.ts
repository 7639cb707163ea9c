import { z } from 'zod';
import { SAST_LANGUAGES } from '../rule-types.js';

export const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/;
const CWE = /^CWE-\d+$/;
const METAVARIABLE = /^\$[A-Z_][A-Z0-9_]*$/;

/**
 * The ast-grep part is passed through as written: ast-grep itself checks it when the loader compiles
 * it (check-astgrep.ts), with its own, better, messages.
 */
const astGrepRule = z.record(z.string(), z.unknown(), { error: 'an ast-grep rule (a mapping such as `pattern: ...`)' });
const ruleMap = z.record(z.string(), astGrepRule, { error: 'a mapping of names to ast-grep rules' });

const sink = z.looseObject({
  focus: z.string().regex(METAVARIABLE, { error: 'a metavariable of the sink pattern, such as $CMD' }).optional(),
});

const meta = {
  id: z.string({ error: 'a rule id' }).regex(RULE_ID, {
    error: 'lower-case letters, digits, ".", "_" and "-", starting with a letter or digit',
  }),
  languages: z.array(z.enum(SAST_LANGUAGES, { error: `one of ${SAST_LANGUAGES.join(', ')}` }), { error: 'a list of languages' }).min(1, {
    error: 'at least one language',
  }),
  message: z.string({ error: 'a message' }).trim().min(1, { error: 'a non-empty message' }),
  title: z.string({ error: 'a title' }).trim().min(1, { error: 'a non-empty title' }).optional(),
  severity: z.enum(['critical', 'high', 'medium', 'low', 'info'], { error: 'one of critical, high, medium, low, info' }),
  confidence: z.enum(['high', 'medium', 'low'], { error: 'one of high, medium, low' }),
  cwe: z.array(z.string().regex(CWE, { error: 'a CWE id such as CWE-78' }), { error: 'a list of CWE ids' }).min(1, {
    error: 'at least one CWE id',
  }),
  owasp: z.array(z.string().min(1, { error: 'an OWASP category such as A03:2021-Injection' }), { error: 'a list' }).optional(),
  references: z.array(z.string().min(1, { error: 'a URL' }), { error: 'a list of URLs' }).optional(),
  fix: z.string({ error: 'markdown text' }).optional(),
  utils: ruleMap.optional(),
};

export const searchRuleSchema = z.strictObject({
  ...meta,
  mode: z.literal('search'),
  rule: astGrepRule,
  constraints: ruleMap.optional(),
});

export const taintRuleSchema = z.strictObject({
  ...meta,
  mode: z.literal('taint'),
  sources: z.array(astGrepRule, { error: 'a list of ast-grep rules' }).min(1, { error: 'at least one source' }),
  sinks: z.array(sink, { error: 'a list of ast-grep rules' }).min(1, { error: 'at least one sink' }),
  sanitizers: z.array(astGrepRule, { error: 'a list of ast-grep rules' }).optional(),
});

/** Keys a rule document may have, for the "unknown field" message. */
export function knownKeys(mode: 'search' | 'taint'): string[] {
  return Object.keys(mode === 'search' ? searchRuleSchema.shape : taintRuleSchema.shape);
}
