import { readdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { READER_IDS } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from './registry.js';
import { ADAPTER_IDS, type AdapterArgsContext } from './types.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const folders = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const ctx = (files?: string[]): AdapterArgsContext => ({
  root: '/repo/-root',
  ...(files ? { files } : {}),
  outFile: '/tmp/rampart-adapters-x/out.json',
  settings: { semgrepConfig: ['rules.yml'] },
});

describe('tool adapter registry', () => {
  it('registers every adapter folder, and nothing else', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual(folders);
    expect([...ADAPTER_IDS].sort()).toEqual(folders);
  });
});

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('adapter %s', (_id, adapter) => {
  it('reads its report with a core reader or its own', () => {
    if (adapter.reader) expect(READER_IDS).not.toContain(adapter.format);
    else expect(READER_IDS).toContain(adapter.format);
  });

  it('looks up its own binary through the given lookup', async () => {
    const asked: string[] = [];
    const found = await adapter.detect({ PATH: '/x' }, async (name) => {
      asked.push(name);
      return `/x/${name}`;
    });
    expect(asked).toEqual([adapter.binary]);
    expect(found).toBe(`/x/${adapter.binary}`);
  });

  it('tells the tool to write its report to the out file', () => {
    const args = adapter.args(ctx());
    expect(args.some((a) => a === ctx().outFile || a.endsWith(`=${ctx().outFile}`))).toBe(true);
  });

  it('passes the root only as an absolute path or option value, never as a bare option-like word', () => {
    const args = adapter.args(ctx());
    const rootArgs = args.filter((a) => a.includes('-root'));
    expect(rootArgs.length).toBeGreaterThan(0);
    for (const a of rootArgs) expect(isAbsolute(a) || /^--[a-z-]+=\//.test(a)).toBe(true);
    for (const a of args) expect(a.startsWith('-') && a.includes('-root') && !a.includes('=')).toBe(false);
  });

  it('accepts exit 0 and rejects the usual crash statuses', () => {
    expect(adapter.exitOk(0)).toBe(true);
    expect(adapter.exitOk(2)).toBe(false);
    expect(adapter.exitOk(127)).toBe(false);
  });
});
