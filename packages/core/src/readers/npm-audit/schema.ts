import { z } from 'zod';
import { optBool, optNum, optStr, optStrOrNum, strList } from '../schema.js';

const cweField = z
  .union([z.string(), z.array(z.unknown())])
  .nullish()
  .transform((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [v]));

/** npm 6 (and pnpm): `advisories` keyed by advisory id, each listing the installed versions it hit. */
export const advisorySchema = z.looseObject({
  id: optStrOrNum,
  title: optStr,
  module_name: z.string().min(1),
  severity: optStr,
  cves: strList,
  cwe: cweField,
  github_advisory_id: optStr,
  vulnerable_versions: optStr,
  patched_versions: optStr,
  overview: optStr,
  recommendation: optStr,
  references: optStr,
  url: optStr,
  findings: z.array(z.looseObject({ version: optStr, paths: strList }).nullish()).nullish(),
});
export type NpmAdvisory = z.infer<typeof advisorySchema>;

export const v6ReportSchema = z.looseObject({ advisories: z.record(z.string(), z.unknown()) });

/** npm 7+ (`auditReportVersion: 2`): `vulnerabilities` keyed by package; `via` holds advisories or names. */
export const viaSchema = z.looseObject({
  source: optStrOrNum,
  name: optStr,
  dependency: optStr,
  title: optStr,
  url: optStr,
  severity: optStr,
  cwe: cweField,
  range: optStr,
});
export type NpmVia = z.infer<typeof viaSchema>;

export const packageVulnSchema = z.looseObject({
  name: z.string().min(1),
  severity: optStr,
  isDirect: optBool,
  via: z.array(z.unknown()).nullish(),
  range: optStr,
  nodes: strList,
  fixAvailable: z.union([z.boolean(), z.looseObject({ name: optStr, version: optStr, isSemVerMajor: optBool })]).nullish(),
});
export type NpmPackageVuln = z.infer<typeof packageVulnSchema>;

export const v7ReportSchema = z.looseObject({
  auditReportVersion: optNum,
  vulnerabilities: z.record(z.string(), z.unknown()),
});
