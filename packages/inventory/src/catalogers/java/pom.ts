import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package, RootComponent } from '../../types.js';
import { parentChain, parsePom, type Pom, type PomDependency } from './pom-model.js';

const MAX_DEPTH = 10;

/** `${...}` lookups: the project's own and its parents' `<properties>`, then the built-in project coordinates. */
function interpolator(pom: Pom, parents: Pom[]): (value: string | undefined) => string | undefined {
  const groupId = pom.groupId ?? pom.parent?.groupId;
  const version = pom.version ?? pom.parent?.version;
  const builtins: Record<string, string | undefined> = {
    'project.groupId': groupId,
    'pom.groupId': groupId,
    groupId,
    'project.artifactId': pom.artifactId,
    'project.version': version,
    'pom.version': version,
    version,
    'project.parent.version': pom.parent?.version,
    'parent.version': pom.parent?.version,
    'project.parent.groupId': pom.parent?.groupId,
  };
  const lookup = (key: string): string | undefined => {
    for (const p of [pom, ...parents]) {
      const v = p.properties.get(key);
      if (v !== undefined) return v;
    }
    return builtins[key];
  };
  return (value) => {
    let out = value;
    for (let i = 0; out !== undefined && out.includes('${') && i < MAX_DEPTH; i++) {
      out = out.replace(/\$\{([^}]+)\}/g, (whole, key: string) => lookup(key) ?? whole);
    }
    return out === undefined || out.includes('${') ? undefined : out;
  };
}

function managedVersion(d: PomDependency, poms: Pom[]): string | undefined {
  for (const p of poms) {
    const m = p.managed.find((x) => x.groupId === d.groupId && x.artifactId === d.artifactId && x.version !== undefined);
    if (m) return m.version;
  }
  return undefined;
}

function toPackage(file: string, d: PomDependency, poms: Pom[], interp: ReturnType<typeof interpolator>): Package | string {
  const groupId = interp(d.groupId);
  const artifactId = interp(d.artifactId);
  const label = `${d.groupId ?? '?'}:${d.artifactId ?? '?'}`;
  if (!groupId || !artifactId || /[:/\s]/.test(groupId + artifactId)) return `dependency ${label} has no usable groupId/artifactId`;
  const rawVersion = d.version ?? managedVersion(d, poms);
  if (rawVersion === undefined) {
    return `${label} has no version here: it is managed by a parent POM or BOM that is not in this tree`;
  }
  const version = interp(rawVersion);
  if (!version) return `${label} version ${rawVersion} uses a property that is not defined in this tree`;
  if (/^[[(]/.test(version)) return `${label} has the version range ${version}, not a pinned version`;
  const scope = interp(d.scope) ?? 'compile';
  const name = `${groupId}:${artifactId}`;
  const pkg: Package = {
    purl: makePurl('maven', name, version),
    name,
    version,
    ecosystem: 'maven',
    licenses: [],
    hashes: [],
    direct: true,
    dev: scope === 'test' || scope === 'provided',
    locations: [file],
    dependsOn: [],
  };
  if (interp(d.optional) === 'true') pkg.optional = true;
  return pkg;
}

function rootOf(file: string, pom: Pom, interp: ReturnType<typeof interpolator>, dependsOn: string[]): RootComponent | undefined {
  const groupId = interp(pom.groupId ?? pom.parent?.groupId);
  const artifactId = interp(pom.artifactId);
  const version = interp(pom.version ?? pom.parent?.version);
  if (!groupId || !artifactId || /[:/\s]/.test(groupId + artifactId)) return undefined;
  const purl = makePurl('maven', `${groupId}:${artifactId}`, version);
  return {
    ref: purl,
    name: `${groupId}:${artifactId}`,
    ...(version ? { version } : {}),
    ecosystem: 'maven',
    purl,
    manifest: file,
    ...(pom.licenses.length > 0 ? { licenses: pom.licenses } : {}),
    dependsOn,
  };
}

/**
 * The dependencies a pom.xml declares (not the transitive ones, which only Maven's resolver knows). Versions come from
 * the dependency, else from `<dependencyManagement>` of this POM or of parents found in the tree; a version that is
 * still unknown is reported as a problem rather than guessed.
 */
export const pomCataloger: Cataloger = {
  id: 'java-pom',
  ecosystem: 'maven',
  files: 'pom.xml (declared dependencies; properties and dependencyManagement of parents in the same tree)',
  claims: (path) => path === 'pom.xml' || path.endsWith('/pom.xml'),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const pom = parsePom(file, await input.text());
    const parents = await parentChain(input.fs, pom);
    const interp = interpolator(pom, parents);
    const problems: InventoryProblem[] = [];
    const byPurl = new Map<string, Package>();
    for (const d of pom.dependencies) {
      const p = toPackage(file, d, [pom, ...parents], interp);
      if (typeof p === 'string') problems.push({ file, message: p });
      else if (!byPurl.has(p.purl)) byPurl.set(p.purl, p);
    }
    const packages = [...byPurl.values()];
    const root = rootOf(file, pom, interp, packages.map((p) => p.purl));
    return { ...(root ? { root } : {}), packages, problems };
  },
};
