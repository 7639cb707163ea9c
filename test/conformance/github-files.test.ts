import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const schemas = resolve(root, '../shared/schemas/github');

function validator(file: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(schemas, file), 'utf8')) as object);
}

const actionDirs = readdirSync(join(root, 'actions')).filter((d) => existsSync(join(root, 'actions', d, 'action.yml')));
const workflows = readdirSync(join(root, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f));

/** A `${{ }}` that expands inputs or event text inside a script is a script-injection hole. */
function scriptsWithExpressions(doc: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'run' && typeof v === 'string' && /\$\{\{/.test(v)) found.push(v);
        else walk(v);
      }
    }
  };
  walk(doc);
  return found;
}

describe('action.yml files', () => {
  const validate = validator('github-action.json');
  it('there is at least one action', () => {
    expect(actionDirs.length).toBeGreaterThan(0);
  });
  for (const dir of actionDirs) {
    it(`actions/${dir}/action.yml validates against the SchemaStore github-action schema`, () => {
      const doc = parse(readFileSync(join(root, 'actions', dir, 'action.yml'), 'utf8')) as Record<string, unknown>;
      const ok = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      expect((doc.runs as { using: string }).using).toBe('node24');
      expect(scriptsWithExpressions(doc)).toEqual([]);
    });
  }
});

describe('workflows', () => {
  const validate = validator('github-workflow.json');
  for (const file of workflows) {
    it(`.github/workflows/${file} validates, pins actions by SHA and keeps least privilege`, () => {
      const text = readFileSync(join(root, '.github/workflows', file), 'utf8');
      const doc = parse(text) as Record<string, unknown>;
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(doc.permissions).toEqual({ contents: 'read' });
      for (const m of text.matchAll(/uses:\s*([^\s#]+)/g)) {
        const ref = m[1] ?? '';
        if (ref.startsWith('./')) continue;
        expect(ref, `${ref} must be pinned by a full commit SHA`).toMatch(/@[0-9a-f]{40}$/);
      }
      expect(scriptsWithExpressions(doc)).toEqual([]);
      expect(text).toContain('persist-credentials: false');
    });
  }
});

describe('workflow snippets in the README', () => {
  const validate = validator('github-workflow.json');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const jobs = blocks.filter((b) => /^jobs:/m.test(b));

  it('has a complete workflow to check', () => {
    expect(jobs.length).toBeGreaterThan(0);
  });
  for (const [i, block] of jobs.entries()) {
    it(`snippet ${i + 1} validates as a workflow and pins third-party actions by SHA`, () => {
      const doc = { name: 'snippet', on: 'push', ...(parse(block) as Record<string, unknown>) };
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      for (const m of block.matchAll(/uses:\s*([^\s#]+)/g)) {
        const ref = m[1] ?? '';
        if (ref.startsWith('<owner>/rampart/')) continue;
        expect(ref, `${ref} must be pinned by a full commit SHA`).toMatch(/@[0-9a-f]{40}$/);
      }
      expect(scriptsWithExpressions(doc)).toEqual([]);
    });
  }
});
