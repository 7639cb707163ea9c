import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOsvServer, type OsvTestServer } from '../../packages/vulns/src/db/testing/osv-server.js';
import { ROOT } from './paths.js';

/** An OSV-compatible server on 127.0.0.1 serving the real advisory records of packages/vulns/test/fixtures/osv. */
export function startRealOsv(): Promise<OsvTestServer> {
  const dir = join(ROOT, 'packages/vulns/test/fixtures/osv');
  const records = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>);
  return startOsvServer(records);
}

/**
 * A copy of an action's folder (action.yml and dist/) alone in a temp dir, far from the monorepo's node_modules,
 * as the runner checks out `uses: .../actions/<name>@v1` and runs dist/index.js with nothing installed.
 */
export function actionCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rampart-action-${name}-`));
  cpSync(join(ROOT, 'actions', name, 'action.yml'), join(dir, 'action.yml'));
  cpSync(join(ROOT, 'actions', name, 'dist'), join(dir, 'dist'), { recursive: true });
  return dir;
}
