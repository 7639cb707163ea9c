import { z } from 'zod';
import { entries, optNum, optStr } from '../schema.js';

export const banditResultSchema = z.looseObject({
  test_id: z.string().min(1),
  test_name: optStr,
  issue_text: optStr,
  issue_severity: optStr,
  issue_confidence: optStr,
  // Bandit >= 1.7.3; older reports have no CWE.
  issue_cwe: z.looseObject({ id: z.union([z.number(), z.string()]).nullish(), link: optStr }).nullish(),
  filename: z.string().min(1),
  line_number: optNum,
  line_range: z.array(z.number()).nullish(),
  col_offset: optNum,
  end_col_offset: optNum,
  code: optStr,
  more_info: optStr,
});
export type BanditResult = z.infer<typeof banditResultSchema>;

export const banditReportSchema = z.looseObject({
  results: z.array(z.unknown()),
  errors: entries,
  generated_at: optStr,
});
