import { z } from 'zod';
import { optStr, optStrOrNum, strOrNum } from '../schema.js';

export const zapInstanceSchema = z.looseObject({
  uri: optStr,
  method: optStr,
  param: optStr,
  attack: optStr,
  evidence: optStr,
  otherinfo: optStr,
});
export type ZapInstance = z.infer<typeof zapInstanceSchema>;

export const zapAlertSchema = z.looseObject({
  pluginid: strOrNum,
  alertRef: optStrOrNum,
  alert: optStr,
  name: optStr,
  riskcode: strOrNum,
  confidence: optStrOrNum,
  desc: optStr,
  solution: optStr,
  reference: optStr,
  otherinfo: optStr,
  cweid: optStrOrNum,
  wascid: optStrOrNum,
  instances: z.array(z.unknown()).nullish(),
  // ZAP 2.5-era reports put the single instance on the alert itself.
  uri: optStr,
  method: optStr,
  param: optStr,
  evidence: optStr,
});
export type ZapAlert = z.infer<typeof zapAlertSchema>;

export const zapSiteSchema = z.looseObject({ '@name': optStr, alerts: z.array(z.unknown()).nullish() });

export const zapReportSchema = z.looseObject({
  '@version': optStr,
  '@programName': optStr,
  site: z.array(z.unknown()),
});
export type ZapReport = z.infer<typeof zapReportSchema>;
