import { z } from 'zod';

/** Permissive: ESLint adds fields between majors, and one bad message must not lose the others. */
export const eslintMessageSchema = z.looseObject({
  ruleId: z.string().nullish(),
  severity: z.number().nullish(),
  message: z.string().nullish(),
  line: z.number().nullish(),
  column: z.number().nullish(),
  endLine: z.number().nullish(),
  endColumn: z.number().nullish(),
  fatal: z.boolean().nullish(),
});
export type EslintMessage = z.infer<typeof eslintMessageSchema>;

export const eslintResultSchema = z.looseObject({
  filePath: z.string().min(1),
  messages: z.array(z.unknown()),
  source: z.string().nullish(),
});
export type EslintResult = z.infer<typeof eslintResultSchema>;

export const ruleMetaSchema = z.looseObject({
  type: z.string().nullish(),
  docs: z.looseObject({ description: z.string().nullish(), url: z.string().nullish() }).nullish(),
});
export type RuleMeta = z.infer<typeof ruleMetaSchema>;

/** `--format json` writes the results array; `--format json-with-metadata` wraps it with the rules' docs. */
export const eslintReportSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({
    results: z.array(z.unknown()),
    metadata: z.looseObject({ rulesMeta: z.record(z.string(), z.unknown()).nullish() }).nullish(),
  }),
]);
