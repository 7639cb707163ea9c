import { get, getIn, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch, type YamlFile } from '../../types.js';
import { HARDENING, ZIZMOR_AUDITS, actionSteps, isAction, jobsOf, lineContaining, root, type Step } from './model.js';

/**
 * Context fields an outsider controls: what someone opening an issue, a pull request, a comment or a
 * branch can write. GitHub's hardening guide lists them; anything else (ids, shas, numbers) is not text.
 */
const ATTACKER_CONTROLLED = new RegExp(
  [
    String.raw`\bgithub\.head_ref\b`,
    String.raw`\bgithub\.event\.(?:issue|pull_request|discussion)\.(?:title|body)\b`,
    String.raw`\bgithub\.event\.pull_request\.head\.(?:ref|label|repo\.(?:default_branch|description|homepage))\b`,
    String.raw`\bgithub\.event\.(?:comment|review|review_comment)\.body\b`,
    String.raw`\bgithub\.event\.pages\b[^}]*\.page_name\b`,
    String.raw`\bgithub\.event\.(?:commits\b[^}]*|head_commit)\.(?:message|author\.(?:email|name)|committer\.(?:email|name))\b`,
    String.raw`\bgithub\.event\.workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name))|head_repository\.description|pull_requests\b[^}]*\.head\.ref)\b`,
    // Properties reached by filter or index (`github.event.*.body`, `github.event['pull_request']`).
    String.raw`\bgithub\.event\.\*`,
    // The whole event (or a whole object of it) serialised into the script carries every field above.
    String.raw`\btoJSON\(\s*github\.event(?:\.(?:issue|pull_request|comment|review|discussion|head_commit|commits|workflow_run))?\s*\)`,
  ].join('|'),
);

const INPUT = /\b(?:github\.event\.)?inputs\.([A-Za-z_][A-Za-z0-9_-]*)/g;

interface Expr {
  text: string;
}

function expressions(text: string): Expr[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => ({ text: m[1] ?? '' }));
}

/** Where a step runs text as code: `run:`, and the `script:` of actions/github-script. */
function codeOf(step: Step): { value: string; node: unknown } | undefined {
  if (step.run !== undefined) return { value: step.run.value, node: step.run.entry.value };
  if (isAction(step, 'actions/github-script')) {
    const script = get(step.with, 'script');
    const value = str(script);
    if (value !== undefined) return { value, node: script };
  }
  return undefined;
}

/** Inputs typed boolean, number or choice cannot carry a payload. */
function safeInputs(file: YamlFile<'github-workflow'> | YamlFile<'github-action'>): Set<string> {
  const safe = new Set<string>();
  if (file.kind !== 'github-workflow') return safe;
  for (const trigger of ['workflow_dispatch', 'workflow_call']) {
    const inputs = getIn(root(file.yaml), ['on', trigger, 'inputs']);
    for (const [name, spec] of Object.entries((inputs as { toJSON?: () => unknown } | undefined)?.toJSON?.() ?? {})) {
      const type = (spec as { type?: unknown } | null)?.type;
      if (type === 'boolean' || type === 'number' || type === 'choice' || type === 'environment') safe.add(name);
    }
  }
  return safe;
}

function allSteps(file: YamlFile<'github-workflow'> | YamlFile<'github-action'>): Step[] {
  return file.kind === 'github-workflow' ? jobsOf(file).flatMap((j) => j.steps) : actionSteps(file);
}

function scan(file: YamlFile<'github-workflow'> | YamlFile<'github-action'>, pick: (e: Expr, safe: Set<string>) => string | undefined): RuleMatch[] {
  const out: RuleMatch[] = [];
  const safe = safeInputs(file);
  for (const step of allSteps(file)) {
    const code = codeOf(step);
    if (code === undefined) continue;
    for (const e of expressions(code.value)) {
      const what = pick(e, safe);
      if (what !== undefined) out.push({ line: lineContaining(file, code.node, e.text.trim()), message: `\${{ ${e.text.trim()} }} is expanded into the script text: ${what}` });
    }
  }
  return out;
}

export const templateInjection = defineRule({
  id: 'gha.template-injection',
  title: 'Attacker-controlled text expanded into a script',
  severity: 'high',
  cwe: ['CWE-78', 'CWE-94'],
  references: [`${HARDENING}#understanding-the-risk-of-script-injections`, `${ZIZMOR_AUDITS}#template-injection`],
  related: { zizmor: ['template-injection'], checkov: ['CKV_GHA_2'] },
  fix: 'Pass the value through an environment variable (`env: TITLE: ${{ github.event.issue.title }}`) and use `"$TITLE"` in the script.',
  kinds: ['github-workflow', 'github-action'],
  check(file): RuleMatch[] {
    return scan(file, (e) => (ATTACKER_CONTROLLED.test(e.text) ? 'anyone who can open an issue, a pull request or a branch can inject shell commands.' : undefined));
  },
});

export const inputInjection = defineRule({
  id: 'gha.template-injection-inputs',
  title: 'Input expanded into a script',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-78', 'CWE-94'],
  references: [`${HARDENING}#understanding-the-risk-of-script-injections`, `${ZIZMOR_AUDITS}#template-injection`],
  related: { zizmor: ['template-injection'] },
  fix: 'Pass the input through an environment variable and quote it in the script (`"$INPUT_NAME"`).',
  kinds: ['github-workflow', 'github-action'],
  check(file): RuleMatch[] {
    return scan(file, (e, safe) => {
      if (ATTACKER_CONTROLLED.test(e.text)) return undefined;
      const names = [...e.text.matchAll(INPUT)].map((m) => m[1] ?? '').filter((n) => !safe.has(n));
      return names.length > 0 ? `the value of input ${names[0]} becomes shell code, whoever supplies it.` : undefined;
    });
  },
});
