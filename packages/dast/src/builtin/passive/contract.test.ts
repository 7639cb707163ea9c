import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles, incompleteFields } from '../../../test/support/check-modules.js';
import { runAgainstHardened, type HardenedRun } from '../../../test/support/hardened-run.js';
import { ACTIVE_CHECKS } from '../active/index.js';
import type { AlertDef, PassiveCheck } from '../types.js';
import { PASSIVE_CHECKS } from './index.js';

const dir = dirname(fileURLToPath(import.meta.url));
// The file list is read at run time, so the bundler cannot (and need not) resolve these imports ahead.
const load = (file: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ join(dir, file)) as Promise<Record<string, unknown>>;

function isPassiveCheck(v: unknown): v is PassiveCheck {
  return typeof v === 'object' && v !== null && 'def' in v && typeof (v as { check?: unknown }).check === 'function';
}

const defsOf = (c: PassiveCheck): readonly AlertDef[] => (Array.isArray(c.def) ? c.def : [c.def as AlertDef]);

describe('passive check registry', () => {
  it.each(checkFiles(dir))('%s: every check it exports is registered', async (file) => {
    const mod = await load(file);
    for (const [name, value] of Object.entries(mod)) {
      if (isPassiveCheck(value)) expect(PASSIVE_CHECKS, `${file} exports ${name}`).toContain(value);
    }
  });

  it('finds the check files it is meant to guard', async () => {
    let exported = 0;
    for (const file of checkFiles(dir)) exported += Object.values(await load(file)).filter(isPassiveCheck).length;
    expect(exported).toBe(PASSIVE_CHECKS.length);
  });

  it('gives every alert a unique ZAP plugin id, passive and active together', () => {
    const ids = [...PASSIVE_CHECKS.flatMap(defsOf), ...ACTIVE_CHECKS.map((c) => c.def)].map((d) => d.pluginId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(PASSIVE_CHECKS.flatMap(defsOf).map((d) => [d.pluginId, d] as const))('%s has a complete definition', (_id, d) => {
    expect(incompleteFields(d)).toEqual([]);
  });
});

describe('passive checks on the hardened app', () => {
  let run: HardenedRun;
  beforeAll(async () => {
    run = await runAgainstHardened();
  });

  it('sees the app crawled and attacked (a contract over nothing would pass)', () => {
    expect(run.responses.length).toBeGreaterThan(50);
    const paths = new Set(run.responses.map((r) => new URL(r.url).pathname));
    for (const p of ['/', '/search', '/products', '/file', '/preview', '/api/data', '/old-page', '/login']) expect(paths, p).toContain(p);
  });

  it.each(PASSIVE_CHECKS.map((c) => [defsOf(c).map((d) => d.pluginId).join('/'), c] as const))('%s raises nothing on any response', (_id, check) => {
    const raised = run.responses.flatMap((r) => check.check(r).map((x) => `${x.def.pluginId} ${r.method} ${r.url} ${x.instance.param ?? ''} ${x.instance.evidence ?? ''}`));
    expect(raised).toEqual([]);
  });
});
