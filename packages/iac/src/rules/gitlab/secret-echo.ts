import { entry, get, isTrue, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { lineContaining } from '../../parse/yaml-lines.js';
import { isSecretName } from '../secret-names.js';
import { GITLAB_VARIABLES_SECURITY, jobsOf, pipeline, scriptItems } from './model.js';

const VAR_REF = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;
const XTRACE = /\bset\s+(?:-[a-wyzA-Z]*x[a-zA-Z]*|-o\s+xtrace)\b|\b(?:bash|sh)\s+-[a-wyz]*x/;

function secretRefs(text: string): string[] {
  return [...text.matchAll(VAR_REF)].map((m) => m[1] ?? '').filter(isSecretName);
}

/** An echo/printf of a secret that goes to the job log: not piped into a command, not redirected to a file. */
function echoedSecret(line: string): string | undefined {
  for (const segment of line.split(/&&|\|\||;/)) {
    const m = /^\s*(?:echo|printf)\b(.*)$/.exec(segment);
    if (m === null || /[|>]/.test(m[1] ?? '')) continue;
    const hit = secretRefs(m[1] ?? '')[0];
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export const secretEcho = defineRule({
  id: 'gitlab.secret-echo',
  title: 'Secret variable written to the job log',
  confidence: 'medium',
  severity: 'medium',
  cwe: ['CWE-532'],
  references: [GITLAB_VARIABLES_SECURITY, 'https://docs.gitlab.com/ci/variables/variables_troubleshooting/#enable-debug-logging'],
  related: { checkov: ['CKV_GITLABCI_1 (related: curl with CI variables)'] },
  fix: 'Do not print secrets; pipe them into the command that needs them (`echo "$TOKEN" | docker login --password-stdin`), and turn off `set -x` around commands that use them.',
  kinds: ['gitlab-ci'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    const debug = entry(get(pipeline(file), 'variables'), 'CI_DEBUG_TRACE');
    if (debug !== undefined && (isTrue(debug.value) || str(debug.value) === 'true')) out.push({ line: lineOf(file.yaml, debug.keyNode), message: 'CI_DEBUG_TRACE prints every variable, masked or not, to the job log.' });
    // `default:` scripts run in every job, so they are checked like a job's.
    const defaults = get(pipeline(file), 'default');
    const jobs = [...(defaults !== undefined ? [{ name: 'default', node: defaults }] : []), ...jobsOf(file)];
    for (const job of jobs) {
      const jobDebug = entry(get(job.node, 'variables'), 'CI_DEBUG_TRACE');
      if (jobDebug !== undefined && str(jobDebug.value) === 'true') out.push({ line: lineOf(file.yaml, jobDebug.keyNode), message: `Job ${job.name} sets CI_DEBUG_TRACE, which prints every variable to the log.` });
      const lines = scriptItems(job.node).flatMap((node) => (str(node) ?? '').split('\n').map((text) => ({ node, text })));
      lines.forEach(({ node, text }, i) => {
        if (/^\s*#/.test(text)) return;
        const echoed = echoedSecret(text);
        if (echoed !== undefined) out.push({ line: lineContaining(file, node, text.trim()), message: `Job ${job.name} prints $${echoed} to the job log.` });
        // Tracing echoes each command with its variables expanded, so a later use of a secret lands in the log.
        const later = XTRACE.test(text) ? lines.slice(i + 1).flatMap((l) => secretRefs(l.text))[0] : undefined;
        if (later !== undefined) out.push({ line: lineContaining(file, node, text.trim()), message: `Job ${job.name} turns on shell tracing, and a later command expands $${later} into the log.` });
      });
    }
    return out;
  },
});
