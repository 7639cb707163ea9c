import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { stringify } from 'yaml';
import { ALL_RULES } from '../rules/index.js';
import { scanText } from './scan-files.js';

/** Keys the rules look for, so random documents reach deep into every rule instead of stopping at the top. */
const KEYS = [
  'apiVersion', 'kind', 'metadata', 'name', 'spec', 'template', 'jobTemplate', 'containers', 'initContainers', 'securityContext',
  'capabilities', 'add', 'drop', 'image', 'volumes', 'hostPath', 'resources', 'limits', 'runAsUser', 'runAsNonRoot', 'items',
  'on', 'jobs', 'steps', 'uses', 'run', 'with', 'env', 'permissions', 'runs', 'using', 'inputs', 'ref', 'path', 'script',
  'include', 'remote', 'project', 'variables', 'artifacts', 'reports', 'before_script', 'integrity',
];
const LEAVES = ['Pod', 'Deployment', 'CronJob', 'List', 'v1', 'composite', 'write-all', 'pull_request_target', 'actions/checkout@v4',
  '${{ github.event.issue.title }}', 'echo $TOKEN', 'set -x', 'ALL', 'SYS_ADMIN', '0', 'true', 'false', 'https://x', '.'];

const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LEAVES),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 4 }),
  ),
})).v;

describe('every YAML rule on arbitrary document shapes', () => {
  for (const kind of ['kubernetes', 'github-workflow', 'github-action', 'gitlab-ci'] as const) {
    it(`${kind}: rules never throw, whatever the shape`, () => {
      fc.assert(
        fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), (docs) => {
          const text = docs.map((d) => stringify(d)).join('---\n');
          try {
            scanText('x.yml', text, kind, ALL_RULES);
          } catch (e) {
            if (!(e instanceof UserError)) throw e;
          }
        }),
        { numRuns: 400 },
      );
    });
  }

  it('dockerfile and terraform: rules never throw on token soup', () => {
    const tf = fc.array(fc.constantFrom('resource "aws_security_group" "a" {', 'ingress {', '}', 'cidr_blocks = ["0.0.0.0/0"]', 'from_port = 22', 'policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*" }] })', 'acl = "public-read"', 'x = var.y ? 1 : 2', '\n'), { maxLength: 20 });
    const df = fc.array(fc.constantFrom('FROM a AS b', 'FROM b', 'USER root', 'RUN apt-get install -y x', 'ADD http://x /y', 'ENV TOKEN=1', 'ARG', 'HEALTHCHECK', '\\', '\n'), { maxLength: 20 });
    fc.assert(
      fc.property(tf, df, (t, d) => {
        try {
          scanText('main.tf', t.join('\n'), 'terraform', ALL_RULES);
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
        }
        scanText('Dockerfile', d.join('\n'), 'dockerfile', ALL_RULES);
      }),
      { numRuns: 1000 },
    );
  });
});
