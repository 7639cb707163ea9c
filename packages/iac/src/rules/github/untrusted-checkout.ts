import { entries, get, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch, type YamlFile } from '../../types.js';
import { HARDENING, ZIZMOR_AUDITS, isAction, jobsOf, triggers, usesLine, type Job, type Step } from './model.js';

/** Triggers that run with the base repository's secrets and a write token, whatever the PR contains. */
const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'];

/** Refs that name the pull request's code rather than the base branch's. */
const PR_HEAD = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|github\.event\.pull_request\.merge_commit_sha|refs\/pull\//;

function checksOutHead(step: Step): boolean {
  if (isAction(step, 'actions/checkout')) {
    return PR_HEAD.test(str(get(step.with, 'ref')) ?? '') || PR_HEAD.test(str(get(step.with, 'repository')) ?? '');
  }
  const run = step.run?.value ?? '';
  return /\bgh\s+pr\s+checkout\b/.test(run) || (/\bgit\s+(?:checkout|fetch|switch|pull)\b/.test(run) && PR_HEAD.test(run));
}

export function privilegedTrigger(file: YamlFile<'github-workflow'>): string | undefined {
  return triggers(file).find((t) => PRIVILEGED_TRIGGERS.includes(t));
}

/** Index of the first step of a job that checks out the pull request's code, or -1. */
export function headCheckoutIndex(job: Job): number {
  return job.steps.findIndex(checksOutHead);
}

export const prTargetCheckout = defineRule({
  id: 'gha.untrusted-checkout',
  title: 'Privileged workflow checks out pull request code',
  severity: 'high',
  cwe: ['CWE-829'],
  references: ['https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/', HARDENING, `${ZIZMOR_AUDITS}#dangerous-triggers`],
  related: { zizmor: ['dangerous-triggers'] },
  fix: 'Run untrusted code under `pull_request` (no secrets), and pass results to a `workflow_run` job that never checks out or executes them.',
  kinds: ['github-workflow'],
  check(file): RuleMatch[] {
    const trigger = privilegedTrigger(file);
    if (trigger === undefined) return [];
    const out: RuleMatch[] = [];
    for (const job of jobsOf(file)) {
      for (const step of job.steps) {
        if (checksOutHead(step)) out.push({ line: step.uses ? usesLine(file, step) : lineOf(file.yaml, step.run?.entry.keyNode ?? step.node), message: `Job ${job.id} runs on ${trigger} with secrets and a write token, and checks out the pull request's code.` });
      }
    }
    return out;
  },
});

function secretEnv(env: unknown): { line: unknown; name: string }[] {
  return entries(env)
    .filter((e) => /\bsecrets\./.test(str(e.value) ?? ''))
    .map((e) => ({ line: e.keyNode, name: e.key }));
}

export const secretsInUntrustedEnv = defineRule({
  id: 'gha.secrets-untrusted-env',
  title: 'Secrets exposed to steps that run pull request code',
  severity: 'high',
  cwe: ['CWE-200', 'CWE-829'],
  references: ['https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/', HARDENING],
  related: { zizmor: ['dangerous-triggers', 'secrets-inherit (related)'] },
  fix: 'Do not give secrets to steps after a checkout of the pull request head; split the job so untrusted code never sees them.',
  kinds: ['github-workflow'],
  check(file): RuleMatch[] {
    if (privilegedTrigger(file) === undefined) return [];
    const out: RuleMatch[] = [];
    for (const job of jobsOf(file)) {
      const from = headCheckoutIndex(job);
      if (from < 0) continue;
      const later = job.steps.slice(from + 1);
      for (const s of secretEnv(get(job.node, 'env'))) out.push({ line: lineOf(file.yaml, s.line), message: `Job ${job.id} checks out pull request code and puts secret ${s.name} in the environment of every step.` });
      for (const step of later) {
        for (const s of secretEnv(step.env)) out.push({ line: lineOf(file.yaml, s.line), message: `Step ${step.index + 1} of job ${job.id} runs after a checkout of pull request code with secret ${s.name} in its environment.` });
      }
    }
    return out;
  },
});
