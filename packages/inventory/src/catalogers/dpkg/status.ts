import { UserError } from '@rampart/core';
import type { Cataloger, CatalogInput, CatalogResult } from '../../cataloger.js';
import { distroQualifier, readOsRelease } from '../../os-release.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package } from '../../types.js';
import { copyrightLicenses } from './copyright.js';
import { parseRelations, resolveRelations, type Installed } from './depends.js';
import { parseParagraphs, type Paragraph } from './paragraphs.js';

const STATUS = /(^|\/)var\/lib\/dpkg\/status$/;
/** Distroless images keep one file per package here, beside `<name>.md5sums` files that are not control data. */
const STATUS_D = /(^|\/)var\/lib\/dpkg\/status\.d\/[^/]+$/;

interface Entry {
  pkg: Package;
  relations: string[][];
  provides: string[];
}

/** The tree's root, so a rootfs kept inside a checkout (`images/rootfs/var/lib/dpkg/status`) finds its own files. */
function rootOf(path: string): string {
  return path.slice(0, path.lastIndexOf('var/lib/dpkg/'));
}

function sourceQualifier(fields: Map<string, string>, name: string, version: string): string | undefined {
  const source = fields.get('source');
  if (!source) return undefined;
  const m = /^(\S+)(?:\s*\(([^)]+)\))?/.exec(source);
  if (!m?.[1] || (m[1] === name && !m[2])) return undefined;
  const sourceVersion = m[2]?.trim();
  return sourceVersion && sourceVersion !== version ? `${m[1]}@${sourceVersion}` : m[1];
}

/**
 * Whether the package is installed: `install ok installed`, or `hold ok installed` (held back from upgrades, yet
 * installed and as vulnerable as any other). Half-installed, config-files and removed packages are not.
 * Distroless `status.d` files often carry no Status at all.
 */
function isInstalled(p: Paragraph, perPackageFile: boolean): boolean {
  const status = p.fields.get('status');
  if (status === undefined) return perPackageFile;
  const [want, error, state] = status.split(/\s+/);
  return (want === 'install' || want === 'hold') && error === 'ok' && state === 'installed';
}

async function licensesOf(input: CatalogInput, root: string, name: string): Promise<string[]> {
  const path = `${root}usr/share/doc/${name}/copyright`;
  if (!(await input.fs.exists(path))) return [];
  try {
    return copyrightLicenses(await input.fs.readText(path));
  } catch (err) {
    input.logger.debug(`dpkg: cannot read ${path}: ${String(err)}`);
    return [];
  }
}

function entryOf(p: Paragraph, file: string, namespace: string, distro: string | undefined): Entry | InventoryProblem {
  const name = p.fields.get('package');
  const version = p.fields.get('version');
  if (!name || !version) {
    return { file, message: `paragraph at line ${p.line} has no ${name ? 'Version' : 'Package'} field; skipped` };
  }
  const arch = p.fields.get('architecture');
  const qualifiers: Record<string, string> = {};
  if (arch) qualifiers.arch = arch;
  const upstream = sourceQualifier(p.fields, name, version);
  if (upstream) qualifiers.upstream = upstream;
  if (distro) qualifiers.distro = distro;
  const pkg: Package = {
    purl: makePurl('deb', name, version, qualifiers, namespace),
    name,
    version,
    ecosystem: 'deb',
    licenses: [],
    hashes: [],
    // The status database does not record which packages were asked for and which came as dependencies.
    direct: false,
    dev: false,
    locations: [file],
    dependsOn: [],
  };
  const relations = [...parseRelations(p.fields.get('pre-depends')), ...parseRelations(p.fields.get('depends'))];
  const provides = parseRelations(p.fields.get('provides')).flat();
  return { pkg, relations, provides };
}

function indexInstalled(entries: Entry[]): Installed {
  const installed: Installed = { byName: new Map(), providers: new Map() };
  const add = (map: Map<string, string[]>, key: string, purl: string) => {
    const list = map.get(key) ?? [];
    list.push(purl);
    map.set(key, list);
  };
  for (const e of entries) {
    add(installed.byName, e.pkg.name, e.pkg.purl);
    for (const v of e.provides) add(installed.providers, v, e.pkg.purl);
  }
  return installed;
}

/**
 * Debian's installed-package database (`var/lib/dpkg/status`) and its distroless variant (`status.d/<package>`).
 * Only packages dpkg reports as `install ok installed` count; removed packages that left config files behind do not.
 * Edges follow Pre-Depends and Depends to installed packages; in `status.d` each file stands alone, so edges only
 * reach packages of the same file rather than dangling.
 */
export const dpkgStatusCataloger: Cataloger = {
  id: 'dpkg-status',
  ecosystem: 'deb',
  files: 'var/lib/dpkg/status and var/lib/dpkg/status.d/* (Debian, Ubuntu, distroless)',
  claims: (path) => STATUS.test(path) || (STATUS_D.test(path) && !path.endsWith('.md5sums')),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const text = await input.text();
    const paragraphs = parseParagraphs(text, file);
    if (text.trim() !== '' && !paragraphs.some((p) => p.fields.has('package'))) {
      throw new UserError('no package paragraphs', { file, field: 'Package', expected: 'a dpkg status database' });
    }
    const root = rootOf(file);
    const os = await readOsRelease(input.fs, root);
    const namespace = os?.id ?? 'debian';
    const distro = distroQualifier(os);
    const perPackageFile = STATUS_D.test(file);
    const problems: InventoryProblem[] = [];
    const entries: Entry[] = [];
    for (const p of paragraphs) {
      if (!isInstalled(p, perPackageFile)) continue;
      const entry = entryOf(p, file, namespace, distro);
      if ('message' in entry) problems.push(entry);
      else entries.push(entry);
    }
    const installed = indexInstalled(entries);
    for (const e of entries) {
      e.pkg.dependsOn = resolveRelations(e.relations, installed, e.pkg.purl);
      e.pkg.licenses = await licensesOf(input, root, e.pkg.name);
    }
    return { packages: entries.map((e) => e.pkg), problems };
  },
};
