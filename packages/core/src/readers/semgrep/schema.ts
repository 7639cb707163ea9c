import { z } from 'zod';
import { entries, optBool, optNum, optStr } from '../schema.js';

const position = z.looseObject({ line: optNum, col: optNum, offset: optNum }).nullish();

/** One or many: Semgrep rules write `cwe: "CWE-79: ..."` as often as `cwe: ["CWE-79: ..."]`. */
const oneOrMany = z
  .union([z.string(), z.array(z.unknown())])
  .nullish()
  .transform((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [v]));

export const semgrepResultSchema = z.looseObject({
  check_id: z.string().min(1),
  path: z.string().min(1),
  start: position,
  end: position,
  extra: z.looseObject({
    message: optStr,
    severity: optStr,
    lines: optStr,
    fix: optStr,
    is_ignored: optBool,
    metadata: z
      .looseObject({
        cwe: oneOrMany,
        owasp: oneOrMany,
        references: oneOrMany,
        technology: oneOrMany,
        confidence: optStr,
        category: optStr,
        shortDescription: optStr,
        source: optStr,
        shortlink: optStr,
      })
      .nullish(),
    dataflow_trace: z.unknown().optional(),
  }),
});
export type SemgrepResult = z.infer<typeof semgrepResultSchema>;

export const semgrepReportSchema = z.looseObject({
  version: optStr,
  results: z.array(z.unknown()),
  errors: entries,
});
