import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanIac } from './scan-files.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-iac-scan-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('scanIac', () => {
  it('walks dot-directories but not dependencies, and counts files per kind', () => {
    const root = tree({
      '.github/workflows/ci.yml': 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n',
      'node_modules/pkg/Dockerfile': 'FROM alpine\n',
      'Dockerfile': 'FROM alpine:3.20\nUSER app\nHEALTHCHECK NONE\n',
    });
    const r = scanIac(root);
    expect(r.counts).toEqual({ 'github-workflow': 1, dockerfile: 1 });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['gha.unpinned-first-party-action']);
  });

  it('skips a broken file with a warning naming it and goes on; an unrendered chart template is a note', () => {
    const root = tree({
      'k8s/bad.yaml': 'apiVersion: v1\nkind: Pod\nspec: [\n',
      'chart/templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n  {{- include "x" . }}\n',
      'main.tf': 'resource "aws_ebs_volume" "v" {\n  size = 1\n}\n',
    });
    const r = scanIac(root);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['tf.aws.ebs-unencrypted']);
    expect(r.notifications).toEqual([
      { level: 'note', message: expect.stringMatching(/^skipped chart\/templates\/deploy\.yaml.*Helm/) },
      { level: 'warning', message: expect.stringMatching(/^skipped k8s\/bad\.yaml:\d+: not valid YAML/) },
    ]);
  });

  it('reports a listed file that is gone as a warning and scans the rest', () => {
    const root = tree({ 'Dockerfile': 'FROM alpine:3.20\nUSER root\n' });
    const r = scanIac(root, { files: ['Dockerfile', 'gone/Dockerfile'] });
    expect(r.findings.map((f) => f.ruleId)).toContain('dockerfile.user-root');
    expect(r.notifications).toEqual([{ level: 'warning', message: expect.stringMatching(/^gone\/Dockerfile: skipped, cannot be read/) }]);
  });
});
