import { z } from 'zod';
import { optNum, optStr, strList } from '../schema.js';

/** Gitleaks 8: capitalised keys, one entry per leak, `Match` is the matched text around `Secret`. */
export const leakV8Schema = z.looseObject({
  RuleID: z.string().min(1),
  Description: optStr,
  File: z.string().min(1),
  StartLine: optNum,
  EndLine: optNum,
  StartColumn: optNum,
  EndColumn: optNum,
  Match: optStr,
  Secret: optStr,
  Commit: optStr,
  Tags: strList,
});
export type LeakV8 = z.infer<typeof leakV8Schema>;

/** Gitleaks 7: `rule` is the human rule name, `offender` the secret, `line` the whole source line. */
export const leakV7Schema = z.looseObject({
  rule: z.string().min(1),
  file: z.string().min(1),
  lineNumber: optNum,
  line: optStr,
  offender: optStr,
  commit: optStr,
  tags: optStr,
});
export type LeakV7 = z.infer<typeof leakV7Schema>;

export const gitleaksReportSchema = z.array(z.unknown());
