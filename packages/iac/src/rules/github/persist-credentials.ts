import { get, isFalse } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { ZIZMOR_AUDITS, isAction, jobsOf, usesLine } from './model.js';

const UPLOADS = ['actions/upload-artifact', 'actions/upload-pages-artifact'];

export const persistCredentials = defineRule({
  id: 'gha.persist-credentials',
  title: 'Checkout keeps the token on disk in a job that uploads an artifact',
  severity: 'medium',
  cwe: ['CWE-522'],
  references: ['https://github.com/actions/checkout#usage', `${ZIZMOR_AUDITS}#artipacked`, 'https://unit42.paloaltonetworks.com/github-repo-artifacts-leak-tokens/'],
  related: { zizmor: ['artipacked'] },
  fix: 'Set `with: persist-credentials: false` on actions/checkout, and upload only the paths you mean to.',
  kinds: ['github-workflow'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const job of jobsOf(file)) {
      if (!job.steps.some((s) => UPLOADS.some((u) => isAction(s, u)))) continue;
      for (const step of job.steps) {
        if (isAction(step, 'actions/checkout') && !isFalse(get(step.with, 'persist-credentials'))) {
          out.push({ line: usesLine(file, step), message: `Job ${job.id} uploads an artifact, and this checkout leaves the token in .git/config, where an upload of the workspace would publish it.` });
        }
      }
    }
    return out;
  },
});
