import { entry, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { HARDENING, ZIZMOR_AUDITS, jobsOf, root, triggers } from './model.js';

const PERMISSIONS_DOC = 'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token';

export const writeAll = defineRule({
  id: 'gha.write-all-permissions',
  title: 'Workflow grants the token write-all',
  severity: 'high',
  cwe: ['CWE-250'],
  references: [PERMISSIONS_DOC, `${HARDENING}#using-secrets`, `${ZIZMOR_AUDITS}#excessive-permissions`],
  related: { zizmor: ['excessive-permissions'], checkov: ['CKV2_GHA_1'] },
  fix: 'List only the scopes the jobs need (`permissions: contents: read`, then per job what it writes).',
  kinds: ['github-workflow'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    const top = entry(root(file.yaml), 'permissions');
    if (top !== undefined && str(top.value) === 'write-all') out.push({ line: lineOf(file.yaml, top.keyNode), message: 'The workflow gives GITHUB_TOKEN every write scope.' });
    for (const job of jobsOf(file)) {
      const p = entry(job.node, 'permissions');
      if (p !== undefined && str(p.value) === 'write-all') out.push({ line: lineOf(file.yaml, p.keyNode), message: `Job ${job.id} gives GITHUB_TOKEN every write scope.` });
    }
    return out;
  },
});

export const defaultPermissions = defineRule({
  id: 'gha.default-permissions',
  title: 'Workflow runs with the default token permissions',
  severity: 'medium',
  cwe: ['CWE-250'],
  references: [PERMISSIONS_DOC, `${ZIZMOR_AUDITS}#excessive-permissions`],
  related: { zizmor: ['excessive-permissions'], checkov: ['CKV2_GHA_1 (related)'] },
  fix: 'Add `permissions: contents: read` at the top of the workflow and widen it per job where needed.',
  kinds: ['github-workflow'],
  check(file): RuleMatch[] {
    const doc = root(file.yaml);
    if (entry(doc, 'permissions') !== undefined) return [];
    // A reusable workflow gets its caller's token and can only narrow it; the caller is the one to fix.
    const on = triggers(file);
    if (on.length > 0 && on.every((t) => t === 'workflow_call')) return [];
    const jobs = jobsOf(file).filter((j) => entry(j.node, 'permissions') === undefined && j.uses === undefined);
    if (jobs.length === 0) return [];
    const at = entry(doc, 'jobs')?.keyNode ?? entry(doc, 'on')?.keyNode;
    return [{ line: lineOf(file.yaml, at), message: `No permissions block: job(s) ${jobs.map((j) => j.id).join(', ')} get the repository's default token scopes, which may include write to everything.` }];
  },
});
