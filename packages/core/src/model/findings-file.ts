import { z } from 'zod';
import { findingSchema } from './finding.js';

/** `findings.json`: the native format, input to `rampart merge`, `rampart gate` and baselines. */
export const FINDINGS_FILE_VERSION = 1;

export const findingsFileSchema = z.object({
  rampart: z.literal(FINDINGS_FILE_VERSION),
  generatedAt: z.string(),
  tools: z.array(z.object({ name: z.string(), version: z.string() })),
  findings: z.array(findingSchema),
});
export type FindingsFile = z.infer<typeof findingsFileSchema>;
