import { z } from 'zod';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'unknown'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export const confidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof confidenceSchema>;

export const FINDING_KINDS = ['sast', 'secret', 'dast', 'container', 'dependency', 'license', 'iac'] as const;
export const findingKindSchema = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof findingKindSchema>;

export const identifierSchema = z.object({
  type: z.string().min(1),
  value: z.string().min(1),
  url: z.string().optional(),
});
export type Identifier = z.infer<typeof identifierSchema>;

/** A place in a source file; lines and columns are 1-based. */
export const sourceLocationSchema = z.object({
  type: z.literal('source'),
  path: z.string().min(1),
  startLine: z.number().int().min(1).optional(),
  endLine: z.number().int().min(1).optional(),
  startColumn: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional(),
  /** The matched code, used for the line-independent fingerprint and shown as the snippet. */
  snippet: z.string().optional(),
});
export type SourceLocation = z.infer<typeof sourceLocationSchema>;

export const urlLocationSchema = z.object({
  type: z.literal('url'),
  url: z.string().min(1),
  method: z.string().optional(),
  param: z.string().optional(),
  evidence: z.string().optional(),
});
export type UrlLocation = z.infer<typeof urlLocationSchema>;

export const packageLocationSchema = z.object({
  type: z.literal('package'),
  name: z.string().min(1),
  version: z.string().optional(),
  ecosystem: z.string().optional(),
  purl: z.string().optional(),
  /** Lockfile or manifest path for dependency findings. */
  file: z.string().optional(),
  /** Image reference for container findings. */
  image: z.string().optional(),
  operatingSystem: z.string().optional(),
});
export type PackageLocation = z.infer<typeof packageLocationSchema>;

export const locationSchema = z.discriminatedUnion('type', [
  sourceLocationSchema,
  urlLocationSchema,
  packageLocationSchema,
]);
export type Location = z.infer<typeof locationSchema>;

export const toolSchema = z.object({ name: z.string().min(1), version: z.string() });
export type Tool = z.infer<typeof toolSchema>;

export const suppressionSchema = z.object({
  kind: z.enum(['inline', 'ignore-file', 'baseline']),
  reason: z.string(),
  expires: z.string().optional(),
});
export type Suppression = z.infer<typeof suppressionSchema>;

/** One step of a data flow (taint source to sink); rendered as SARIF codeFlows. */
export const flowStepSchema = z.object({
  path: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1).optional(),
  message: z.string().optional(),
});
export type FlowStep = z.infer<typeof flowStepSchema>;

export const findingSchema = z.object({
  fingerprint: z.string().min(1),
  kind: findingKindSchema,
  ruleId: z.string().min(1),
  title: z.string(),
  message: z.string(),
  help: z.string().optional(),
  severity: severitySchema,
  confidence: confidenceSchema.optional(),
  identifiers: z.array(identifierSchema),
  location: locationSchema,
  tool: toolSchema,
  fix: z.object({ versions: z.array(z.string()).optional(), summary: z.string().optional() }).optional(),
  suppression: suppressionSchema.optional(),
  flow: z.array(flowStepSchema).optional(),
  /** Other tools that reported the same issue, kept when findings are merged. */
  alsoReportedBy: z.array(toolSchema).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** What a scanner or reader produces: everything but the fingerprint, which only core computes. */
export type RawFinding = Omit<Finding, 'fingerprint'> & { fingerprint?: undefined };
