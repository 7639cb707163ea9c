import { z } from 'zod';
import { entries, optBool, optNum, optStr, strList } from '../schema.js';

export const codeSchema = z
  .looseObject({
    Lines: z.array(z.looseObject({ Number: optNum, Content: optStr, IsCause: optBool }).nullish()).nullish(),
  })
  .nullish();
export type TrivyCode = z.infer<typeof codeSchema>;

export const trivyVulnSchema = z.looseObject({
  VulnerabilityID: z.string().min(1),
  PkgName: z.string().min(1),
  PkgPath: optStr,
  PkgIdentifier: z.looseObject({ PURL: optStr }).nullish(),
  InstalledVersion: optStr,
  FixedVersion: optStr,
  Status: optStr,
  Title: optStr,
  Description: optStr,
  Severity: optStr,
  CweIDs: strList,
  VendorIDs: strList,
  PrimaryURL: optStr,
  References: strList,
});
export type TrivyVuln = z.infer<typeof trivyVulnSchema>;

export const trivyMisconfSchema = z.looseObject({
  ID: optStr,
  AVDID: optStr,
  Title: optStr,
  Description: optStr,
  Message: optStr,
  Resolution: optStr,
  Severity: optStr,
  PrimaryURL: optStr,
  References: strList,
  Status: optStr,
  CauseMetadata: z
    .looseObject({ Resource: optStr, StartLine: optNum, EndLine: optNum, Code: codeSchema })
    .nullish(),
});
export type TrivyMisconf = z.infer<typeof trivyMisconfSchema>;

export const trivySecretSchema = z.looseObject({
  RuleID: z.string().min(1),
  Category: optStr,
  Severity: optStr,
  Title: optStr,
  StartLine: optNum,
  EndLine: optNum,
  Match: optStr,
  Code: codeSchema,
});
export type TrivySecret = z.infer<typeof trivySecretSchema>;

export const trivyResultSchema = z.looseObject({
  Target: z.string(),
  Class: optStr,
  Type: optStr,
  Vulnerabilities: entries,
  Misconfigurations: entries,
  Secrets: entries,
});
export type TrivyResult = z.infer<typeof trivyResultSchema>;

export const trivyReportSchema = z.looseObject({
  SchemaVersion: optNum,
  ArtifactName: optStr,
  ArtifactType: optStr,
  Metadata: z.looseObject({ OS: z.looseObject({ Family: optStr, Name: optStr }).nullish() }).nullish(),
  Results: entries,
  Trivy: z.looseObject({ Version: optStr }).nullish(),
});

/** Before schema v2 (Trivy < 0.20) the report was the bare list of results. */
export const trivyLegacySchema = z.array(z.unknown());
