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

/**
 * A findings.json from somewhere we do not control (a workflow artifact, another pipeline's job): the file, or
 * the problem with it in words, never an exception, since a bad baseline must not stop the run.
 */
export function parseFindingsFile(text: string, what: string): FindingsFile | { problem: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { problem: `${what} is not JSON` };
  }
  const parsed = findingsFileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `${what} is not a Rampart findings.json (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'})` };
  }
  return parsed.data;
}
