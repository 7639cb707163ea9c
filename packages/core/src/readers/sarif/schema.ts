import { z } from 'zod';
import { entries, optNum, optStr } from '../schema.js';

/** SARIF 2.1.0, only the parts we read; everything optional because producers vary widely. */
const props = z.record(z.string(), z.unknown()).nullish();

export const messageSchema = z
  .looseObject({ text: optStr, markdown: optStr, id: optStr, arguments: z.array(z.unknown()).nullish() })
  .nullish();
const multiformat = z.looseObject({ text: optStr, markdown: optStr }).nullish();

export const artifactLocationSchema = z.looseObject({ uri: optStr, uriBaseId: optStr, index: optNum }).nullish();
export type SarifArtifactLocation = z.infer<typeof artifactLocationSchema>;

const regionSchema = z
  .looseObject({
    startLine: optNum,
    endLine: optNum,
    startColumn: optNum,
    endColumn: optNum,
    snippet: z.looseObject({ text: optStr }).nullish(),
  })
  .nullish();

export const physicalLocationSchema = z.looseObject({ artifactLocation: artifactLocationSchema, region: regionSchema }).nullish();
export type SarifPhysicalLocation = z.infer<typeof physicalLocationSchema>;

export const locationSchema = z.looseObject({ physicalLocation: physicalLocationSchema, message: messageSchema }).nullish();

const threadFlowSchema = z.looseObject({
  locations: z.array(z.looseObject({ location: locationSchema }).nullish()).nullish(),
});
export const codeFlowSchema = z.looseObject({ threadFlows: z.array(threadFlowSchema.nullish()).nullish() });
export type SarifCodeFlow = z.infer<typeof codeFlowSchema>;

export const ruleSchema = z.looseObject({
  id: optStr,
  name: optStr,
  shortDescription: multiformat,
  fullDescription: multiformat,
  help: multiformat,
  helpUri: optStr,
  defaultConfiguration: z.looseObject({ level: optStr }).nullish(),
  messageStrings: z.record(z.string(), z.unknown()).nullish(),
  properties: props,
});
export type SarifRule = z.infer<typeof ruleSchema>;

export const toolComponentSchema = z.looseObject({
  name: optStr,
  version: optStr,
  semanticVersion: optStr,
  rules: entries,
});

export const runSchema = z.looseObject({
  tool: z.looseObject({ driver: toolComponentSchema, extensions: z.array(z.unknown()).nullish() }),
  results: entries,
  artifacts: entries,
  originalUriBaseIds: z.record(z.string(), z.unknown()).nullish(),
  properties: props,
});
export type SarifRun = z.infer<typeof runSchema>;

export const resultSchema = z.looseObject({
  ruleId: optStr,
  ruleIndex: optNum,
  rule: z
    .looseObject({
      id: optStr,
      index: optNum,
      toolComponent: z.looseObject({ index: optNum, name: optStr }).nullish(),
    })
    .nullish(),
  kind: optStr,
  level: optStr,
  message: messageSchema,
  locations: z.array(locationSchema).nullish(),
  codeFlows: z.array(codeFlowSchema.nullish()).nullish(),
  suppressions: z.array(z.looseObject({ kind: optStr, status: optStr, justification: optStr }).nullish()).nullish(),
  properties: props,
});
export type SarifResult = z.infer<typeof resultSchema>;

export const sarifLogSchema = z.looseObject({ version: optStr, runs: z.array(z.unknown()) });
