import { entry, get, items, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch, type YamlFile } from '../../types.js';
import { GITLAB_INCLUDES, pipeline } from './model.js';

interface Include {
  node: unknown;
  /** A bare string include. */
  text?: string;
}

function includesOf(file: YamlFile<'gitlab-ci'>): Include[] {
  const inc = get(pipeline(file), 'include');
  const text = str(inc);
  if (text !== undefined) return [{ node: inc, text }];
  const list = items(inc);
  if (list.length === 0 && inc !== undefined) return [{ node: inc }];
  return list.map((node) => {
    const t = str(node);
    return t !== undefined ? { node, text: t } : { node };
  });
}

export const includeRemote = defineRule({
  id: 'gitlab.include-remote',
  title: 'Pipeline includes configuration from a remote URL',
  severity: 'medium',
  cwe: ['CWE-829', 'CWE-494'],
  references: [`${GITLAB_INCLUDES}#include-a-remote-file`, 'https://docs.gitlab.com/ci/yaml/#includeintegrity'],
  related: {},
  fix: 'Include from a project you control at a pinned ref, or add `integrity: sha256-...` to the remote include.',
  kinds: ['gitlab-ci'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const inc of includesOf(file)) {
      if (inc.text !== undefined) {
        if (/^https?:\/\//i.test(inc.text)) out.push({ line: lineOf(file.yaml, inc.node), message: `include of ${inc.text}: whoever controls that URL controls this pipeline.` });
        continue;
      }
      const remote = entry(inc.node, 'remote');
      // `integrity` makes GitLab check the file's hash, which is the fix.
      if (remote !== undefined && entry(inc.node, 'integrity') === undefined) {
        out.push({ line: lineOf(file.yaml, remote.keyNode), message: `include: remote ${str(remote.value) ?? ''}: whoever controls that URL controls this pipeline.` });
      }
    }
    return out;
  },
});

const FLOATING_REFS = new Set(['main', 'master', 'head', 'develop', 'trunk']);

export const includeProjectUnpinned = defineRule({
  id: 'gitlab.include-project-unpinned',
  title: 'Project include without a pinned ref',
  severity: 'medium',
  cwe: ['CWE-829'],
  references: [`${GITLAB_INCLUDES}#include-a-file-from-a-different-project`],
  related: {},
  fix: 'Set `ref:` to a tag or, better, a commit SHA of the included project.',
  kinds: ['gitlab-ci'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const inc of includesOf(file)) {
      const project = entry(inc.node, 'project');
      if (project === undefined) continue;
      const ref = str(get(inc.node, 'ref'));
      if (ref !== undefined && !FLOATING_REFS.has(ref.toLowerCase())) continue;
      const how = ref === undefined ? 'no ref (the default branch, whatever it holds at run time)' : `the branch ${ref}`;
      out.push({ line: lineOf(file.yaml, project.keyNode), message: `include of project ${str(project.value) ?? ''} follows ${how}.` });
    }
    return out;
  },
});
