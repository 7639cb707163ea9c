import { basename } from 'node:path';
import type { Finding, Notification, Tool } from '@rampart/core';
import { catalog, nodeFs, serializeInventory, type Inventory } from '@rampart/inventory';
import type { CycloneDxVersion } from '@rampart/sbom';
import { UserError } from '@rampart/core';
import type { CliDeps } from '../deps.js';
import { VERSION } from '../version.js';
import { outsideOutDir } from './settings.js';

export const SBOM_FORMATS = ['cyclonedx', 'spdx', 'both'] as const;
export type SbomFormat = (typeof SBOM_FORMATS)[number];

export const SBOM_FILES = { cyclonedx: 'sbom.cdx.json', spdx: 'sbom.spdx.json', inventory: 'inventory.json' } as const;

export interface SbomStepOptions {
  /** Absolute path of the tree to inventory. */
  root: string;
  /** Absolute output directory, left out of the walk so an earlier run's files are not read as input. */
  outDir: string;
  format: SbomFormat;
  specVersion: CycloneDxVersion;
  licensePolicy: { allow: string[]; deny: string[] } | undefined;
}

export interface SbomStepResult {
  inventory: Inventory;
  files: { name: string; content: string }[];
  findings: Finding[];
  notifications: Notification[];
  tool: Tool;
}

export function parseSbomFormat(value: string, field: string): SbomFormat {
  const v = value.trim().toLowerCase();
  if ((SBOM_FORMATS as readonly string[]).includes(v)) return v as SbomFormat;
  throw new UserError(`unknown SBOM format "${value}"`, { field, expected: SBOM_FORMATS.join(', ') });
}

export function parseSpecVersion(value: string, field: string): CycloneDxVersion {
  if (value === '1.6' || value === '1.5') return value;
  throw new UserError(`unsupported CycloneDX version "${value}"`, { field, expected: '1.6 or 1.5' });
}

/** SOURCE_DATE_EPOCH (reproducible builds) fixes the document time, so two runs on one commit give equal bytes. */
export function sbomTimestamp(deps: CliDeps): Date {
  const epoch = deps.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return deps.now();
  if (!/^\d+$/.test(epoch)) {
    throw new UserError(`SOURCE_DATE_EPOCH is "${epoch}"`, { field: 'SOURCE_DATE_EPOCH', expected: 'seconds since 1970 as digits' });
  }
  return new Date(Number(epoch) * 1000);
}

function sourceFiles(inventory: Inventory): number {
  const files = new Set(inventory.roots.map((r) => r.manifest));
  for (const p of inventory.packages) for (const l of p.locations) files.add(l);
  return files.size;
}

/** Inventories the tree and renders the SBOMs; they are validated here because an invalid SBOM is our bug. */
export async function runSbomStep(o: SbomStepOptions, deps: CliDeps): Promise<SbomStepResult> {
  const inventory = await catalog(nodeFs(o.root), { exclude: outsideOutDir(o.root, o.outDir) });
  // The CycloneDX library (and its schemas) load only when an SBOM is written, not with every command.
  const { buildCycloneDx, buildSpdx, licenseFindings, validateCycloneDx, validateSpdx } = await import('@rampart/sbom');
  const sbomOptions = { toolName: 'rampart', toolVersion: VERSION, timestamp: sbomTimestamp(deps), projectName: basename(o.root) };
  const files: { name: string; content: string }[] = [];
  if (o.format !== 'spdx') {
    const cdx = buildCycloneDx(inventory, { ...sbomOptions, specVersion: o.specVersion });
    const errors = await validateCycloneDx(cdx, o.specVersion);
    if (errors.length > 0) throw new Error(`the CycloneDX SBOM does not validate: ${errors.slice(0, 5).join('; ')}`);
    files.push({ name: SBOM_FILES.cyclonedx, content: cdx });
  }
  if (o.format !== 'cyclonedx') {
    const spdx = buildSpdx(inventory, sbomOptions);
    const errors = validateSpdx(spdx);
    if (errors.length > 0) throw new Error(`the SPDX SBOM does not validate: ${errors.slice(0, 5).join('; ')}`);
    files.push({ name: SBOM_FILES.spdx, content: spdx });
  }
  // The dependency-snapshot step of the action reads this, so it can run in a job of its own with write access.
  files.push({ name: SBOM_FILES.inventory, content: serializeInventory(inventory) });
  const notifications: Notification[] = [
    {
      level: 'note',
      message: `SBOM: ${inventory.packages.length} packages from ${sourceFiles(inventory)} lockfiles, manifests or package directories (${files.map((f) => f.name).join(', ')})`,
    },
    ...inventory.problems.map((p): Notification => ({ level: 'warning', message: `${p.file}: ${p.message}` })),
  ];
  const findings = o.licensePolicy ? licenseFindings(inventory, o.licensePolicy, VERSION) : [];
  return { inventory, files, findings, notifications, tool: { name: 'rampart-sbom', version: VERSION } };
}
