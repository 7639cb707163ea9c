import { get, isFalse, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { ZIZMOR_AUDITS, isAction, jobsOf, usesLine, type Step } from './model.js';

const UPLOADS = ['actions/upload-artifact', 'actions/upload-pages-artifact'];

function clean(p: string): string {
  return p.trim().replace(/^["']|["']$/g, '').replace(/^\.\//, '').replace(/\/+$/, '');
}

/** The upload's paths (one per line; `!` exclusions dropped); upload-pages-artifact defaults to `_site`. */
function uploadPaths(step: Step): string[] {
  const raw = str(get(step.with, 'path')) ?? (isAction(step, 'actions/upload-pages-artifact') ? '_site' : '');
  return raw.split('\n').map(clean).filter((p) => p !== '' && !p.startsWith('!'));
}

/**
 * Whether an upload can carry the `.git/config` of a checkout into `dir` (`` for the workspace): a path that is
 * the checkout itself, its .git, a parent of it, or a glob at its root. `dist/` or `results.sarif` cannot.
 */
function covers(path: string, dir: string): boolean {
  const p = path.replace(/^\$\{\{\s*github\.workspace\s*\}\}\/?/, '');
  if (p === '' || p === '.' || p.startsWith('*')) return true;
  if (dir === '') return p === '.git' || p.startsWith('.git/');
  return p === dir || dir.startsWith(`${p}/`) || p.startsWith(`${dir}/*`) || p.startsWith(`${dir}/.git`);
}

export const persistCredentials = defineRule({
  id: 'gha.persist-credentials',
  title: 'Checkout keeps the token on disk in a job that uploads the checkout',
  severity: 'medium',
  cwe: ['CWE-522'],
  references: ['https://github.com/actions/checkout#usage', `${ZIZMOR_AUDITS}#artipacked`, 'https://unit42.paloaltonetworks.com/github-repo-artifacts-leak-tokens/'],
  related: { zizmor: ['artipacked'] },
  fix: 'Set `with: persist-credentials: false` on actions/checkout, and upload only the paths you mean to.',
  kinds: ['github-workflow'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const job of jobsOf(file)) {
      const uploads = job.steps.filter((s) => UPLOADS.some((u) => isAction(s, u))).flatMap(uploadPaths);
      if (uploads.length === 0) continue;
      for (const step of job.steps) {
        if (!isAction(step, 'actions/checkout') || isFalse(get(step.with, 'persist-credentials'))) continue;
        const dir = clean(str(get(step.with, 'path')) ?? '');
        const hit = uploads.find((p) => covers(p, dir === '.' ? '' : dir));
        if (hit !== undefined) out.push({ line: usesLine(file, step), message: `Job ${job.id} uploads ${hit}, which holds this checkout's .git/config with the token it persisted.` });
      }
    }
    return out;
  },
});
