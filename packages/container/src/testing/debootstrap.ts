import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MIRROR = 'http://deb.debian.org/debian';

function have(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

/** Installs the Debian tools the image tests build with, failing loudly (never skipping) when that is impossible. */
export function ensureTools(tools: readonly string[]): void {
  const missing = tools.filter((t) => !have(t));
  if (missing.length === 0) return;
  const result = spawnSync('apt-get', ['install', '-y', ...missing], { encoding: 'utf8' });
  const still = tools.filter((t) => !have(t));
  if (still.length > 0) {
    throw new Error(
      `the container tests need ${still.join(', ')} (apt-get install -y ${still.join(' ')}), and installing failed: ` +
        `${result.error?.message ?? ''}${result.stderr ?? ''}`.slice(-2000),
    );
  }
}

/**
 * A real Debian root made by debootstrap (minbase), cached under the OS temp dir per suite so only the first run
 * downloads. The cache is complete or absent: debootstrap writes into a temporary directory that is renamed at the end.
 */
export function debianRoot(suite = 'bookworm'): string {
  const cache = join(tmpdir(), 'rampart-debootstrap-cache', suite);
  const root = join(cache, 'root');
  const marker = join(cache, 'complete');
  if (existsSync(marker) && existsSync(join(root, 'var/lib/dpkg/status'))) return root;
  ensureTools(['debootstrap']);
  mkdirSync(cache, { recursive: true });
  const work = join(cache, `work-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const run = spawnSync('debootstrap', ['--variant=minbase', suite, work, MIRROR], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(`debootstrap ${suite} failed (exit ${run.status}): ${run.error?.message ?? ''}\n${(run.stderr ?? '').slice(-3000)}`);
  }
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
