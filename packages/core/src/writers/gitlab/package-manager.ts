/** Lockfile or manifest base name -> GitLab `package_manager`, as GitLab's own analyzers name them. */
const BY_FILE: Record<string, string> = {
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
  'package.json': 'npm',
  'yarn.lock': 'yarn',
  'pnpm-lock.yaml': 'pnpm',
  'bun.lock': 'bun',
  'gemfile.lock': 'bundler',
  'gems.locked': 'bundler',
  'requirements.txt': 'pip',
  'pipfile.lock': 'pipenv',
  'poetry.lock': 'poetry',
  'uv.lock': 'uv',
  'setup.py': 'setuptools',
  'pom.xml': 'maven',
  'build.gradle': 'gradle',
  'build.gradle.kts': 'gradle',
  'gradle.lockfile': 'gradle',
  'build.sbt': 'sbt',
  'go.mod': 'go',
  'go.sum': 'go',
  'composer.lock': 'composer',
  'packages.lock.json': 'nuget',
  'conan.lock': 'conan',
  'cargo.lock': 'cargo',
  'mix.lock': 'hex',
  'pubspec.lock': 'pub',
};

/** OSV ecosystem names -> GitLab `package_manager`, when the file name says nothing. */
const BY_ECOSYSTEM: Record<string, string> = {
  npm: 'npm',
  pypi: 'pip',
  maven: 'maven',
  go: 'go',
  'crates.io': 'cargo',
  cargo: 'cargo',
  rubygems: 'bundler',
  packagist: 'composer',
  nuget: 'nuget',
  hex: 'hex',
  pub: 'pub',
  conan: 'conan',
};

export function packageManagerOf(path: string, ecosystem: string | undefined): string {
  const base = (path.split('/').pop() ?? path).toLowerCase();
  const byFile = BY_FILE[base];
  if (byFile !== undefined) return byFile;
  if (ecosystem !== undefined && ecosystem !== '') return BY_ECOSYSTEM[ecosystem.toLowerCase()] ?? ecosystem.toLowerCase();
  return 'unknown';
}
