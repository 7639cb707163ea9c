import { defineRule, type RuleMatch, type YamlFile } from '../../types.js';
import { HARDENING, ZIZMOR_AUDITS, actionSteps, jobsOf, parseUses, usesLine } from './model.js';
import { lineOf } from '../../parse/yaml-nodes.js';

const SHA = /^[0-9a-f]{40}$/i;
/** GitHub's own actions: a tag compromise there is GitHub's; zizmor's default policy asks only for a ref. */
const FIRST_PARTY = /^(?:actions|github)\//i;

interface UsesRef {
  value: string;
  line: number;
}

function usesOf(file: YamlFile<'github-workflow'> | YamlFile<'github-action'>): UsesRef[] {
  if (file.kind === 'github-action') return actionSteps(file).flatMap((s) => (s.uses ? [{ value: s.uses.value, line: usesLine(file, s) }] : []));
  return jobsOf(file).flatMap((j) => [
    ...(j.uses ? [{ value: j.uses.value, line: lineOf(file.yaml, j.uses.entry.keyNode) }] : []),
    ...j.steps.flatMap((s) => (s.uses ? [{ value: s.uses.value, line: usesLine(file, s) }] : [])),
  ]);
}

/** Unpinned `uses:` of the file: local actions are the repository's own, docker images need a digest. */
function unpinned(file: YamlFile<'github-workflow'> | YamlFile<'github-action'>, firstParty: boolean): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const u of usesOf(file)) {
    const value = u.value.trim();
    if (value.startsWith('./') || value.includes('${{')) continue;
    if (value.startsWith('docker://')) {
      if (!firstParty && !value.includes('@sha256:')) out.push({ line: u.line, message: `${value} is not pinned to an image digest.` });
      continue;
    }
    const { action, ref } = parseUses(value);
    if (FIRST_PARTY.test(action) !== firstParty || (ref !== undefined && SHA.test(ref))) continue;
    out.push({ line: u.line, message: `${value} is pinned to ${ref === undefined ? 'nothing' : `the mutable ref ${ref}`}, not a commit SHA: whoever can move it runs code in this workflow.` });
  }
  return out;
}

const META = {
  cwe: ['CWE-829', 'CWE-1357'],
  references: [`${HARDENING}#using-third-party-actions`, `${ZIZMOR_AUDITS}#unpinned-uses`],
  fix: 'Pin to the full commit SHA with the version in a comment (`uses: owner/action@<40-hex sha> # v1.2.3`) and let Dependabot or Renovate update it.',
  kinds: ['github-workflow', 'github-action'] as ('github-workflow' | 'github-action')[],
};

export const unpinnedAction = defineRule({
  ...META,
  related: { zizmor: ['unpinned-uses'] },
  id: 'gha.unpinned-action',
  title: 'Third-party action not pinned to a commit SHA',
  severity: 'medium',
  check: (file) => unpinned(file, false),
});

export const unpinnedFirstPartyAction = defineRule({
  ...META,
  related: { zizmor: ['unpinned-uses (pedantic for actions/*)'] },
  id: 'gha.unpinned-first-party-action',
  title: 'GitHub-owned action not pinned to a commit SHA',
  severity: 'low',
  check: (file) => unpinned(file, true),
});
