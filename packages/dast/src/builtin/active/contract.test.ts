import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles, incompleteFields } from '../../../test/support/check-modules.js';
import { runAgainstHardened, type HardenedRun } from '../../../test/support/hardened-run.js';
import type { ActiveCheck } from '../types.js';
import { ACTIVE_CHECKS } from './index.js';

const dir = dirname(fileURLToPath(import.meta.url));
// The file list is read at run time, so the bundler cannot (and need not) resolve these imports ahead.
const load = (file: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ join(dir, file)) as Promise<Record<string, unknown>>;

function isActiveCheck(v: unknown): v is ActiveCheck {
  return typeof v === 'object' && v !== null && 'def' in v && typeof (v as { run?: unknown }).run === 'function';
}

describe('active check registry', () => {
  it.each(checkFiles(dir))('%s: every check it exports is registered', async (file) => {
    const mod = await load(file);
    for (const [name, value] of Object.entries(mod)) {
      if (isActiveCheck(value)) expect(ACTIVE_CHECKS, `${file} exports ${name}`).toContain(value);
    }
  });

  it('finds the check files it is meant to guard', async () => {
    let exported = 0;
    for (const file of checkFiles(dir)) exported += Object.values(await load(file)).filter(isActiveCheck).length;
    expect(exported).toBe(ACTIVE_CHECKS.length);
  });

  it('gives every check a unique ZAP plugin id', () => {
    const ids = ACTIVE_CHECKS.map((c) => c.def.pluginId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ACTIVE_CHECKS.map((c) => [c.def.pluginId, c] as const))('%s has a complete definition', (_id, c) => {
    expect(incompleteFields(c.def)).toEqual([]);
  });
});

describe('active checks against the hardened app', () => {
  let run: HardenedRun;
  beforeAll(async () => {
    run = await runAgainstHardened();
  });

  it.each(ACTIVE_CHECKS.map((c) => [c.def.pluginId, c] as const))('%s raises nothing', (id) => {
    expect(run.activeRaised.get(id)?.map((r) => `${r.instance.method} ${r.instance.uri} ${r.instance.param ?? ''} ${r.instance.attack ?? ''}`)).toEqual([]);
  });
});
