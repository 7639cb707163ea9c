import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEVERITIES } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../parse/index.js';
import { FILE_KINDS, type IacRule } from '../types.js';
import { ALL_RULES, RULE_PACKS } from './index.js';

function isRule(v: unknown): v is IacRule {
  return typeof v === 'object' && v !== null && typeof (v as IacRule).id === 'string' && typeof (v as IacRule).check === 'function';
}

/** Every rule any module of a pack folder exports, so an unregistered rule cannot hide. */
async function exportedRules(): Promise<IacRule[]> {
  const out: IacRule[] = [];
  for (const pack of Object.keys(RULE_PACKS)) {
    const dir = join(import.meta.dirname, pack);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const mod = (await import(join(dir, name))) as Record<string, unknown>;
      out.push(...Object.values(mod).filter(isRule));
    }
  }
  return out;
}

const EMPTY: Record<(typeof FILE_KINDS)[number], string> = {
  dockerfile: 'FROM alpine:3.20\n',
  kubernetes: 'apiVersion: v1\nkind: ConfigMap\n',
  terraform: 'locals {}\n',
  'github-workflow': 'on: push\njobs: {}\n',
  'github-action': 'name: a\nruns:\n  using: node20\n  main: index.js\n',
  'gitlab-ci': 'stages: [test]\n',
};

describe('rule contract', () => {
  it('every rule a pack folder exports is registered', async () => {
    const registered = new Set(ALL_RULES);
    const missing = (await exportedRules()).filter((r) => !registered.has(r)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  for (const rule of ALL_RULES) {
    it(`${rule.id} meets the contract`, () => {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:\.[a-z0-9-]+)+$/);
      expect(rule.title.trim()).not.toBe('');
      expect(SEVERITIES).toContain(rule.severity);
      expect(rule.cwe.length).toBeGreaterThan(0);
      for (const c of rule.cwe) expect(c).toMatch(/^CWE-\d+$/);
      expect(rule.references.length).toBeGreaterThan(0);
      expect(rule.references.every((r) => r.startsWith('https://'))).toBe(true);
      expect(rule.fix.trim()).not.toBe('');
      const kinds = FILE_KINDS.filter((k) => rule.appliesTo(k));
      expect(kinds.length).toBeGreaterThan(0);
      // A rule never fires on a file of a kind it does not apply to, nor on a near-empty file.
      for (const kind of FILE_KINDS) {
        const parsed = parseFile(`x.${kind}`, EMPTY[kind], kind);
        if (!rule.appliesTo(kind)) expect(rule.check(parsed)).toEqual([]);
        for (const m of rule.check(parsed)) expect(m.line).toBeGreaterThanOrEqual(1);
      }
    });
  }
});
