import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
// The root has no workspace dependencies; the package's source is what the CLI runs.
import { scanIac } from '../../packages/iac/src/index.js';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Rampart's own pipeline files: what issue 8 asks to pass Rampart's own IaC scan. */
function ownFiles(): string[] {
  const files: string[] = [];
  const workflows = join(ROOT, '.github/workflows');
  if (existsSync(workflows)) files.push(...readdirSync(workflows).filter((n) => /\.ya?ml$/.test(n)).map((n) => `.github/workflows/${n}`));
  for (const name of readdirSync(join(ROOT, 'actions'))) {
    if (existsSync(join(ROOT, 'actions', name, 'action.yml'))) files.push(`actions/${name}/action.yml`);
  }
  files.push(...readdirSync(join(ROOT, 'templates')).filter((n) => /\.ya?ml$/.test(n)).map((n) => `templates/${n}`));
  return files;
}

describe("Rampart's own workflows, actions and templates", () => {
  it('scan clean', () => {
    const files = ownFiles();
    expect(files.length).toBeGreaterThan(5);
    const result = scanIac(ROOT, { files });
    const found = result.findings.map((f) => `${f.location.type === 'source' ? `${f.location.path}:${f.location.startLine}` : ''} ${f.ruleId}: ${f.message}`);
    expect(found).toEqual([]);
    expect(result.notifications).toEqual([]);
    // Every file was recognised and parsed: nothing slipped through as an unknown kind.
    const scanned = Object.values(result.counts).reduce((a, b) => a + (b ?? 0), 0);
    expect(scanned).toBe(files.length);
  });
});
