import { apkComparator } from './apk.js';
import { dpkgComparator } from './dpkg.js';
import { goComparator } from './go.js';
import { mavenComparator } from './maven.js';
import { nugetComparator } from './nuget.js';
import { packagistComparator } from './packagist.js';
import { pubComparator } from './pub.js';
import { pypiComparator } from './pypi.js';
import { rubygemsComparator } from './rubygems.js';
import { rpmComparator } from './rpm.js';
import { semverComparator } from './semver.js';
import type { VersionComparator } from './types.js';

export type { VersionComparator } from './types.js';

/**
 * Every comparator, one per file in this folder; `registry.test.ts` fails when a comparator file is not listed.
 */
export const COMPARATORS: readonly VersionComparator[] = [
  semverComparator,
  goComparator,
  pypiComparator,
  dpkgComparator,
  apkComparator,
  rpmComparator,
  mavenComparator,
  rubygemsComparator,
  nugetComparator,
  packagistComparator,
  pubComparator,
];

/** The comparator for an OSV ecosystem name such as `npm`, `PyPI`, `Debian:12`, `Alpine:v3.20`, `Ubuntu:22.04:LTS`. */
export function comparatorFor(osvEcosystem: string): VersionComparator | undefined {
  const base = osvEcosystem.split(':')[0] ?? osvEcosystem;
  return COMPARATORS.find((c) => c.ecosystems.includes(base));
}
