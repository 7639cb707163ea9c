import { execFileSync, spawnSync } from 'node:child_process';
import { run, runOk } from './exec.js';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MIRROR = 'http://deb.debian.org/debian';

function have(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

/** Installs the Debian tools the image tests build with, failing loudly (never skipping) when that is impossible. */
export async function ensureTools(tools: readonly string[]): Promise<void> {
  const missing = tools.filter((t) => !have(t));
  if (missing.length === 0) return;
  const result = await run('apt-get', ['install', '-y', ...missing]);
  const still = tools.filter((t) => !have(t));
  if (still.length > 0) {
    throw new Error(
      `the container tests need ${still.join(', ')} (apt-get install -y ${still.join(' ')}), and installing failed: ` +
        `${result.error?.message ?? ''}${result.stderr}`.slice(-2000),
    );
  }
}

/**
 * A real Debian root made by debootstrap (minbase), cached under the OS temp dir per suite so only the first run
 * downloads. The cache is complete or absent: debootstrap writes into a temporary directory that is renamed at the end.
 */
export async function debianRoot(suite = 'bookworm'): Promise<string> {
  const cache = join(tmpdir(), 'rampart-debootstrap-cache', suite);
  const root = join(cache, 'root');
  const marker = join(cache, 'complete');
  if (existsSync(marker) && existsSync(join(root, 'var/lib/dpkg/status'))) return root;
  await ensureTools(['debootstrap']);
  mkdirSync(cache, { recursive: true });
  const work = join(cache, `work-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  await runOk('debootstrap', ['--variant=minbase', suite, work, MIRROR], ` (building the ${suite} test image)`);
  rmSync(root, { recursive: true, force: true });
  renameSync(work, root);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return root;
}

/** What dpkg itself says is installed: `name version` lines for packages in state `ii` or `hi` (held). */
export function dpkgQueryInstalled(root: string): Set<string> {
  const out = execFileSync(
    'dpkg-query',
    ['--admindir', join(root, 'var/lib/dpkg'), '-W', '-f', '${db:Status-Abbrev}\\t${Package}\\t${Version}\\n'],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const installed = new Set<string>();
  for (const line of out.split('\n')) {
    const [status, name, version] = line.split('\t');
    if ((status?.startsWith('ii') || status?.startsWith('hi')) && name && version) installed.add(`${name} ${version}`);
  }
  return installed;
}
