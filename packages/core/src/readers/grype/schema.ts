import { z } from 'zod';
import { optNum, optStr, strList } from '../schema.js';

const cvssSchema = z
  .array(z.looseObject({ metrics: z.looseObject({ baseScore: optNum }).nullish() }).nullish())
  .nullish();

const vulnSchema = z.looseObject({
  id: z.string().min(1),
  severity: optStr,
  description: optStr,
  dataSource: optStr,
  namespace: optStr,
  urls: strList,
  cvss: cvssSchema,
});

export const grypeMatchSchema = z.looseObject({
  vulnerability: vulnSchema.extend({
    fix: z.looseObject({ versions: strList, state: optStr }).nullish(),
  }),
  relatedVulnerabilities: z.array(vulnSchema.partial({ id: true }).nullish()).nullish(),
  artifact: z.looseObject({
    name: z.string().min(1),
    version: optStr,
    type: optStr,
    purl: optStr,
    locations: z.array(z.looseObject({ path: optStr }).nullish()).nullish(),
  }),
});
export type GrypeMatch = z.infer<typeof grypeMatchSchema>;

export const grypeReportSchema = z.looseObject({
  matches: z.array(z.unknown()),
  source: z
    .looseObject({
      type: optStr,
      // A string for directories and files, an object with `userInput` for images.
      target: z.union([z.string(), z.looseObject({ userInput: optStr })]).nullish(),
    })
    .nullish(),
  distro: z.looseObject({ name: optStr, version: optStr }).nullish(),
  descriptor: z.looseObject({ name: optStr, version: optStr }).nullish(),
});
export type GrypeReport = z.infer<typeof grypeReportSchema>;
