import type { OptionSpec } from '../args.js';

export const CONFIG_OPTION: OptionSpec = {
  name: 'config',
  type: 'string',
  value: '<file>',
  description: 'Configuration file (default: .rampart.yml in the current directory, if present)',
};

export const GATE_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'fail-on',
    type: 'string',
    value: '<severity>',
    description: 'Fail (exit 1) on findings at or above: critical, high, medium, low, info or none (default: high)',
  },
  { name: 'new-only', type: 'boolean', description: 'Only findings that are not in the baseline fail the gate' },
  {
    name: 'baseline',
    type: 'string',
    value: '<file>',
    description: 'A previous findings.json (or any supported report) to compare against',
  },
];

/** Only for the commands that join reports (report, merge): the baseline is fetched before the run. */
export const BASELINE_FROM_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'baseline-from',
    type: 'string',
    value: 'gitlab',
    description:
      "Take the baseline from the target branch's latest successful pipeline (GitLab: the merge request's target branch, else the default branch); --baseline wins",
  },
  { name: 'baseline-job', type: 'string', value: '<name>', description: 'Job whose artifacts hold the baseline (default: this job, CI_JOB_NAME)' },
  {
    name: 'baseline-path',
    type: 'string',
    value: '<path>',
    description: "Path of the findings.json in that job's artifacts (default: <out-dir>/findings.json)",
  },
];

export const OUTPUT_OPTIONS: readonly OptionSpec[] = [
  { name: 'out-dir', type: 'string', value: '<dir>', description: 'Where reports are written (default: rampart-reports)' },
  {
    name: 'formats',
    type: 'string',
    value: '<list>',
    description: 'Comma-separated outputs: sarif, gitlab, codequality, junit, markdown, json (default: all)',
  },
  { name: 'category', type: 'string', value: '<id>', description: 'SARIF automationDetails.id (default: rampart/<command>/)' },
  {
    name: 'no-mr-note',
    type: 'boolean',
    description: 'In a GitLab merge request pipeline, write no MR note (also RAMPART_MR_NOTE=false), e.g. when a merged report job writes it',
  },
];

export const JSON_OPTION: OptionSpec = {
  name: 'json',
  type: 'boolean',
  description: 'Print a JSON summary on stdout instead of the text table',
};
