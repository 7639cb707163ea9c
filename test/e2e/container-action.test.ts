import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alpineImage } from '../../packages/cli/test/support/alpine-image.js';
import { validateGitlab, validateSarifSchema } from '../../packages/core/src/writers/testing/validate.js';
import { validateCycloneDx } from '../../packages/sbom/src/index.js';
import type { OsvTestServer } from '../../packages/vulns/src/db/testing/osv-server.js';
import { actionCopy, startRealOsv } from './support.js';
import { runAction } from '../harness/github-runner.js';
import { ROOT, requireBuilt } from './paths.js';

const ACTION = resolve(ROOT, 'actions/container-scan');
let osv: OsvTestServer;

beforeAll(async () => {
  requireBuilt(join(ACTION, 'dist/index.js'));
  osv = await startRealOsv();
});
afterAll(async () => {
  await osv.close();
});

describe('actions/container-scan from a copy of the action folder alone', () => {
  it('scans a docker save archive, writes valid SARIF, GitLab and CycloneDX outputs', async () => {
    const action = actionCopy('container-scan');
    const checkout = mkdtempSync(join(tmpdir(), 'rampart-checkout-'));
    await alpineImage(checkout);
    const res = await runAction({
      script: join(action, 'dist/index.js'),
      cwd: checkout,
      actionYml: readFileSync(join(action, 'action.yml'), 'utf8'),
      eventName: 'push',
      inputs: { 'image-tar': 'image.tar', 'osv-url': osv.url, 'fail-on': 'high', comment: false },
    });
    expect(res.stderr).not.toMatch(/Cannot find|ERR_MODULE_NOT_FOUND/);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    // The Alpine record carries no CVSS vector, so the finding's severity is unknown and a high gate passes.
    expect(res.outputs.total).toBe('1');
    expect(res.outputs.unknown).toBe('1');
    const out = join(checkout, 'rampart-reports');
    expect(validateSarifSchema(JSON.parse(readFileSync(join(out, 'container.sarif'), 'utf8')))).toEqual([]);
    expect(validateGitlab('container_scanning', JSON.parse(readFileSync(join(out, 'gl-container-scanning-report.json'), 'utf8')))).toEqual([]);
    expect(await validateCycloneDx(readFileSync(join(out, 'sbom.cdx.json'), 'utf8'), '1.6')).toEqual([]);
  });
});
