import { z } from 'zod';
import { FAIL_ON_VALUES } from '../policy/gate.js';

export const OUTPUT_FORMATS = ['sarif', 'gitlab', 'codequality', 'junit', 'markdown', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const DEFAULT_OUTPUT_DIR = 'rampart-reports';

const nonBlank = (what: string) => z.string().regex(/\S/, { error: what });

const gateSchema = z
  .strictObject({
    'fail-on': z.enum(FAIL_ON_VALUES).default('high').meta({
      description: 'Fail the run when an unsuppressed finding is at or above this severity; `none` never fails.',
    }),
    'new-only': z.boolean().default(false).meta({
      description: 'Count only findings that are not in the baseline.',
    }),
  })
  .meta({ description: 'The policy gate that decides the exit code.' });

const SELECTOR_KEYS = ['id', 'fingerprint', 'path'] as const;

export const ignoreEntrySchema = z
  .strictObject({
    id: nonBlank('a rule or advisory id').optional().meta({
      description: 'Rule id or any identifier (CVE, GHSA, CWE...), case-insensitive.',
    }),
    fingerprint: nonBlank('a finding fingerprint').optional(),
    path: nonBlank('a path glob').optional().meta({
      description: 'Glob matched against the source path, the lockfile path, or the URL path.',
    }),
    reason: nonBlank('a non-empty reason').meta({ description: 'Why this is acceptable; shown in every report.' }),
    expires: z.iso.date({ error: 'a date YYYY-MM-DD' }).optional().meta({
      description: 'The ignore applies through this day (UTC), then stops applying and is reported.',
    }),
  })
  .refine((e) => SELECTOR_KEYS.some((k) => e[k] !== undefined), {
    error: 'at least one of id, fingerprint, path',
  })
  .meta({
    description: 'Suppresses findings matching every given selector.',
    // The refine above has no JSON Schema form; say the same thing for editors.
    anyOf: SELECTOR_KEYS.map((k) => ({ required: [k] })),
  });

const outputSchema = z.strictObject({
  dir: nonBlank('a directory path').default(DEFAULT_OUTPUT_DIR),
  formats: z
    .array(z.enum(OUTPUT_FORMATS))
    .default([...OUTPUT_FORMATS])
    .meta({ description: 'Report formats to write.' }),
});

/** SPDX license ids (`MIT`, `Apache-2.0`, `GPL-3.0-only`, `LicenseRef-acme`), not expressions. */
const spdxId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.+-]*$/, { error: 'an SPDX license id such as MIT or Apache-2.0' });

const licensePolicySchema = z.strictObject({
  allow: z.array(spdxId).default([]),
  deny: z.array(spdxId).default([]),
});

/** Each scanner validates its own section; here they only have to be mappings. */
const scannerSection = (name: string) =>
  z.record(z.string(), z.unknown()).optional().meta({ description: `Settings for the ${name} scanner.` });

export const configSchema = z
  .strictObject({
    gate: gateSchema.default({ 'fail-on': 'high', 'new-only': false }),
    baseline: nonBlank('a path to a findings.json').optional().meta({
      description: 'A findings.json from an earlier run; with new-only, only findings missing from it count.',
    }),
    ignore: z.array(ignoreEntrySchema).default([]),
    output: outputSchema.default({ dir: DEFAULT_OUTPUT_DIR, formats: [...OUTPUT_FORMATS] }),
    sast: scannerSection('SAST'),
    dast: scannerSection('DAST'),
    container: scannerSection('container'),
    deps: scannerSection('dependency'),
    sbom: scannerSection('SBOM'),
    'license-policy': licensePolicySchema.optional(),
  })
  .meta({ title: 'Rampart configuration (.rampart.yml)' });

export type RampartConfig = z.output<typeof configSchema>;
/** What a user may write: every field optional. */
export type RampartConfigInput = z.input<typeof configSchema>;

/** The configuration when there is no `.rampart.yml` (or it is empty). */
export const DEFAULT_CONFIG: RampartConfig = {
  gate: { 'fail-on': 'high', 'new-only': false },
  ignore: [],
  output: { dir: DEFAULT_OUTPUT_DIR, formats: [...OUTPUT_FORMATS] },
};
