import { readdirSync } from 'node:fs';
import type { AlertDef } from '../../src/builtin/types.js';

/** The check source files of a registry folder: everything but its index, tests and declared helpers. */
export function checkFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');
}

/** What a complete ZAP-style alert definition must carry, as failures (empty when complete). */
export function incompleteFields(d: AlertDef): string[] {
  const missing: string[] = [];
  if (!/^\d+(-\d+)?$/.test(d.pluginId)) missing.push('pluginId');
  if (d.name.trim().length < 3) missing.push('name');
  for (const k of ['description', 'solution'] as const) if (d[k].trim().length < 20) missing.push(k);
  if (![0, 1, 2, 3].includes(d.risk)) missing.push('risk');
  if (![1, 2, 3, 4].includes(d.confidence)) missing.push('confidence');
  if (!Number.isInteger(d.cweId) || d.cweId <= 0) missing.push('cweId');
  if (!Number.isInteger(d.wascId) || d.wascId <= 0) missing.push('wascId');
  if (!/^https:\/\/\S+$/.test(d.reference)) missing.push('reference');
  return missing;
}
