import { UserError } from '@rampart/core';
import type { Cataloger, CatalogInput, CatalogResult } from '../../cataloger.js';
import { hexHash } from '../../hashes.js';
import { normalizeLicenses } from '../../license.js';
import { makePurl } from '../../purl.js';
import type { Package, RootComponent } from '../../types.js';
import { devOnlyGems } from './gemfile-groups.js';
import { parseGemfileLock, type GemSpec } from './lockfile-parse.js';

// The lockfile layout has been stable since Bundler 1; BUNDLED WITH names the Bundler that wrote it.
const KNOWN_BUNDLER_MAJORS = new Set(['1', '2', '4']);

function specPurl(s: GemSpec): string {
  return makePurl('gem', s.name, s.version, s.platform ? { platform: s.platform } : undefined);
}

function hashOf(s: GemSpec, checksums: Map<string, string>): Package['hashes'] {
  const key = `${s.name} ${s.version}${s.platform ? `-${s.platform}` : ''}`;
  const sha = /(?:^|,)sha256=([0-9a-fA-F]{64})(?:,|$)/.exec(checksums.get(key) ?? '')?.[1];
  const hash = hexHash(sha, 'sha256');
  return hash ? [hash] : [];
}

/** The Gemfile a lockfile was made from: Gemfile, gems.rb, or `x.gemfile` for `x.gemfile.lock`. */
async function gemfileBeside(input: CatalogInput): Promise<string | undefined> {
  const path = input.path.replace(/Gemfile\.lock$/, 'Gemfile').replace(/gems\.locked$/, 'gems.rb').replace(/\.gemfile\.lock$/, '.gemfile');
  return path !== input.path && (await input.fs.exists(path)) ? input.fs.readText(path) : undefined;
}

function reachable(edges: Map<string, string[]>, seeds: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...seeds];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return seen;
}

/**
 * Bundler keeps Gemfile groups out of the lock; with the Gemfile beside it, a gem is dev when only gems of the
 * development and test groups pull it in.
 */
function markDev(packages: Package[], directNames: Set<string>, devNames: Set<string>, edgesOf: (names: string[]) => string[]): void {
  const edges = new Map(packages.map((p) => [p.purl, p.dependsOn]));
  const runtime = reachable(edges, edgesOf([...directNames].filter((n) => !devNames.has(n))));
  const dev = reachable(edges, edgesOf([...directNames].filter((n) => devNames.has(n))));
  for (const p of packages) p.dev = dev.has(p.purl) && !runtime.has(p.purl);
}

/** `spec.license = "MIT"` or `spec.licenses = ["MIT", "Apache-2.0"]` in the project's gemspec, when written plainly. */
async function gemspecLicenses(input: CatalogInput, name: string): Promise<string[]> {
  const dir = input.path.includes('/') ? input.path.slice(0, input.path.lastIndexOf('/') + 1) : '';
  const path = `${dir}${name}.gemspec`;
  if (!(await input.fs.exists(path))) return [];
  const m = /\.licenses?\s*=\s*(\[[^\]]*\]|["'][^"']+["'])/.exec(await input.fs.readText(path));
  const values = [...(m?.[1] ?? '').matchAll(/["']([^"']+)["']/g)].map((x) => x[1]);
  return normalizeLicenses(values);
}

/** The gem a gemspec project builds: the PATH source at `.`; it is the root, not a dependency. */
function isProjectGem(s: GemSpec): boolean {
  return s.sourceType === 'PATH' && (s.remote === '.' || s.remote === './');
}

export const gemfileLockCataloger: Cataloger = {
  id: 'ruby-gemfile-lock',
  ecosystem: 'gem',
  files: 'Gemfile.lock (GEM, GIT, PATH sources, platforms, DEPENDENCIES, CHECKSUMS)',
  claims: (path) => /(^|\/)(Gemfile|[^/]+\.gemfile)\.lock$/.test(path) || /(^|\/)gems\.locked$/.test(path),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const text = (await input.text()).replace(/^\uFEFF/, '');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000e-\u001f]/.test(text)) throw new UserError('is not a text file', { file, expected: 'a Gemfile.lock' });
    const lock = parseGemfileLock(file, text);
    const major = lock.bundledWith?.split('.')[0];
    if (major !== undefined && !KNOWN_BUNDLER_MAJORS.has(major)) {
      throw new UserError(`was written by Bundler ${lock.bundledWith}, which this version of Rampart does not know`, {
        file,
        field: 'BUNDLED WITH',
        expected: 'Bundler 1.x, 2.x or 4.x',
      });
    }
    const project = lock.specs.find(isProjectGem);
    const gems = lock.specs.filter((s) => s !== project);
    const byName = new Map<string, string[]>();
    for (const s of gems) byName.set(s.name, [...(byName.get(s.name) ?? []), specPurl(s)]);
    // A gem locked for several platforms appears once per platform; an edge goes to each variant.
    const edgesOf = (deps: string[], self?: string) => [...new Set(deps.flatMap((d) => byName.get(d) ?? []))].filter((p) => p !== self);
    const directNames = new Set([...lock.dependencies, ...(project?.deps ?? [])]);
    const packages = new Map<string, Package>();
    for (const s of gems) {
      const purl = specPurl(s);
      if (packages.has(purl)) continue;
      packages.set(purl, { purl, name: s.name, version: s.version, ecosystem: 'gem', licenses: [], hashes: hashOf(s, lock.checksums), direct: directNames.has(s.name), dev: false, locations: [file], dependsOn: edgesOf(s.deps, purl) });
    }
    const gemfile = await gemfileBeside(input);
    if (gemfile !== undefined) markDev([...packages.values()], directNames, devOnlyGems(gemfile), edgesOf);
    let root: RootComponent | undefined;
    if (project) {
      const purl = makePurl('gem', project.name, project.version);
      const licenses = await gemspecLicenses(input, project.name);
      root = { ref: purl, name: project.name, version: project.version, ecosystem: 'gem', purl, manifest: file, ...(licenses.length > 0 ? { licenses } : {}), dependsOn: edgesOf([...directNames].filter((n) => n !== project.name)) };
    }
    return { ...(root ? { root } : {}), packages: [...packages.values()] };
  },
};
