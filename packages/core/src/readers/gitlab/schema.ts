import { z } from 'zod';
import { optNum, optStr, strOrNum } from '../schema.js';

export const gitlabIdentifierSchema = z.looseObject({ type: z.string().min(1), name: optStr, value: strOrNum, url: optStr });

const scannerSchema = z.looseObject({ id: optStr, name: optStr, version: optStr }).nullish();

export const gitlabVulnSchema = z.looseObject({
  id: optStr,
  // 14.x only: category, message, confidence and scanner per vulnerability.
  category: optStr,
  name: optStr,
  message: optStr,
  description: optStr,
  severity: optStr,
  confidence: optStr,
  solution: optStr,
  scanner: scannerSchema,
  identifiers: z.array(z.unknown()),
  links: z.array(z.looseObject({ url: optStr }).nullish()).nullish(),
  location: z.record(z.string(), z.unknown()),
  evidence: z.looseObject({ summary: optStr }).nullish(),
  raw_source_code_extract: optStr,
});
export type GitlabVuln = z.infer<typeof gitlabVulnSchema>;

export const gitlabReportSchema = z.looseObject({
  version: z.string(),
  scan: z
    .looseObject({
      type: optStr,
      scanner: scannerSchema,
      scanned_resources: z.array(z.unknown()).nullish(),
    })
    .nullish(),
  vulnerabilities: z.array(z.unknown()),
});
export type GitlabReport = z.infer<typeof gitlabReportSchema>;

export const fileLocationSchema = z.looseObject({
  file: z.string().min(1),
  start_line: optNum,
  end_line: optNum,
  // 15.1+ adds columns to SAST locations.
  column_start: optNum,
  column_end: optNum,
});

const dependencySchema = z.looseObject({
  package: z.looseObject({ name: z.string().min(1) }),
  version: optStr,
});

export const dependencyLocationSchema = z.looseObject({ file: z.string().min(1), dependency: dependencySchema });

export const containerLocationSchema = z.looseObject({
  image: z.string().min(1),
  operating_system: optStr,
  dependency: dependencySchema,
});

export const dastLocationSchema = z.looseObject({ hostname: optStr, path: optStr, method: optStr, param: optStr });

export const scannedResourceSchema = z.looseObject({ method: z.string().min(1), url: z.string().min(1) });
