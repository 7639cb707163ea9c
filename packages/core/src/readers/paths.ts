import { normalizePath } from '../model/fingerprint.js';

/**
 * A file path as tools write it (`file://` URIs, percent-encoding, `./` prefixes, backslashes)
 * turned into the repository-relative form findings use.
 */
export function cleanPath(raw: string): string {
  // `file:///abs` keeps its leading slash; the malformed-but-common `file://rel/x` stays relative.
  let p = raw.trim().replace(/^file:(\/\/)?/i, '');
  if (/%[0-9a-f]{2}/i.test(p)) {
    try {
      p = decodeURIComponent(p);
    } catch {
      // A stray `%` in a real file name: keep the text as written.
    }
  }
  return normalizePath(p);
}

/** A repository path, or undefined when nothing is left of it (`./`, `file://`): such an entry has no file. */
export function filePath(raw: string): string | undefined {
  const p = cleanPath(raw);
  return p === '' ? undefined : p;
}

const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
  'package.json',
  'gemfile.lock',
  'gemfile',
  'pipfile.lock',
  'poetry.lock',
  'uv.lock',
  'pdm.lock',
  'requirements.txt',
  'setup.py',
  'pyproject.toml',
  'go.mod',
  'go.sum',
  'cargo.lock',
  'composer.lock',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'gradle.lockfile',
  'packages.lock.json',
  'packages.config',
  'mix.lock',
  'pubspec.lock',
  'podfile.lock',
  'package.resolved',
  'conan.lock',
  'conanfile.txt',
]);

/** Whether a path names a dependency manifest or lockfile, which makes a CVE there a dependency finding. */
export function isLockfile(path: string): boolean {
  const base = path.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  return LOCKFILES.has(base) || base.endsWith('.csproj') || /^requirements[-_.\w]*\.txt$/.test(base);
}
