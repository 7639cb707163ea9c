import { UserError } from '@rampart/core';
import type { Cataloger, CatalogInput, CatalogResult } from '../../cataloger.js';
import { normalizeLicense } from '../../license.js';
import { distroQualifier, readOsRelease, type OsRelease } from '../../os-release.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package } from '../../types.js';
import { parseRpmHeader, TAG, type HeaderValue } from './header.js';
import { readBdbHash } from './bdb.js';
import { readSqliteTable } from './sqlite.js';

const RPMDB = /(^|\/)(var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/rpmdb\.sqlite$/;
const RPMDB_BDB = /(^|\/)var\/lib\/rpm\/Packages$/;

interface Entry {
  pkg: Package;
  requires: string[];
  provides: string[];
  files: string[];
}

const str = (h: Map<number, HeaderValue>, tag: number) => {
  const v = h.get(tag);
  return typeof v === 'string' ? v : undefined;
};
const list = (h: Map<number, HeaderValue>, tag: number): string[] => {
  const v = h.get(tag);
  return Array.isArray(v) ? v.map(String) : [];
};

/** Installed files, from rpm's compressed file list (basename + index into the directory names). */
function filesOf(h: Map<number, HeaderValue>): string[] {
  const base = list(h, TAG.BASENAMES);
  const dirs = list(h, TAG.DIRNAMES);
  const index = h.get(TAG.DIRINDEXES);
  if (!Array.isArray(index)) return [];
  return base.map((b, i) => `${dirs[Number(index[i])] ?? ''}${b}`);
}

/** Source package name from SOURCERPM (`openssl-3.0.7-27.el9.src.rpm` -> `openssl`), for the upstream qualifier. */
function sourceName(sourcerpm: string | undefined): string | undefined {
  const m = /^(.+)-[^-]+-[^-]+\.(?:no)?src\.rpm$/.exec(sourcerpm ?? '');
  return m?.[1];
}

function entryOf(h: Map<number, HeaderValue>, file: string, os: OsRelease | undefined, rowid: number): Entry | InventoryProblem {
  const name = str(h, TAG.NAME);
  const version = str(h, TAG.VERSION);
  const release = str(h, TAG.RELEASE);
  if (!name || !version) return { file, message: `header ${rowid} has no ${name ? 'VERSION' : 'NAME'}; skipped` };
  // The gpg-pubkey pseudo-packages rpm keeps for imported signing keys are not software.
  if (name === 'gpg-pubkey') return { file, message: `header ${rowid} is an imported signing key (gpg-pubkey); skipped` };
  const full = release ? `${version}-${release}` : version;
  const qualifiers: Record<string, string> = {};
  const arch = str(h, TAG.ARCH);
  if (arch) qualifiers.arch = arch;
  const epoch = h.get(TAG.EPOCH);
  if (Array.isArray(epoch) && epoch[0] !== undefined) qualifiers.epoch = String(epoch[0]);
  const upstream = sourceName(str(h, TAG.SOURCERPM));
  if (upstream && upstream !== name) qualifiers.upstream = upstream;
  const distro = distroQualifier(os);
  if (distro) qualifiers.distro = distro;
  const license = normalizeLicense(str(h, TAG.LICENSE));
  const pkg: Package = {
    purl: makePurl('rpm', name, full, qualifiers, os?.id),
    name,
    version: full,
    ecosystem: 'rpm',
    licenses: license ? [license] : [],
    hashes: [],
    direct: false,
    dev: false,
    locations: [file],
    dependsOn: [],
  };
  return { pkg, requires: list(h, TAG.REQUIRENAME), provides: list(h, TAG.PROVIDENAME), files: filesOf(h) };
}

/** What each requirement resolves to: a provided capability, a package name, or the package owning a file. */
function resolver(entries: Entry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries) {
    for (const key of [e.pkg.name, ...e.provides, ...e.files]) if (!out.has(key)) out.set(key, e.pkg.purl);
  }
  return out;
}

/** Turns the header blobs of an rpm database, whatever its backend, into packages and edges. */
async function catalogHeaders(input: CatalogInput, headers: { id: number; blob: Uint8Array }[]): Promise<CatalogResult> {
  const file = input.path;
  const root = file.replace(/(var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/[^/]+$/, '');
  const os = await readOsRelease(input.fs, root);
  const problems: InventoryProblem[] = [];
  const entries: Entry[] = [];
  for (const { id, blob } of headers) {
    const e = entryOf(parseRpmHeader(blob, `${file} (header ${id})`), file, os, id);
    if ('message' in e) problems.push(e);
    else entries.push(e);
  }
  const resolve = resolver(entries);
  for (const e of entries) {
    const deps = e.requires
      .filter((r) => !r.startsWith('rpmlib('))
      .map((r) => resolve.get(r))
      .filter((p): p is string => p !== undefined && p !== e.pkg.purl);
    e.pkg.dependsOn = [...new Set(deps)];
  }
  return { packages: entries.map((e) => e.pkg), problems };
}

/**
 * rpm's SQLite database (rpm 4.16+: Fedora 33+, RHEL 9, Rocky/Alma 9, Amazon Linux 2023, openSUSE). The Packages
 * table holds one rpm header per installed package. Requires (rpmlib() features aside) resolve to installed
 * packages through their provides, names and file lists; what nothing installed provides is left out.
 */
export const rpmdbSqliteCataloger: Cataloger = {
  id: 'rpmdb-sqlite',
  ecosystem: 'rpm',
  files: 'var/lib/rpm/rpmdb.sqlite, usr/lib/sysimage/rpm/rpmdb.sqlite (Fedora, RHEL 9, Amazon Linux 2023, SUSE)',
  claims: (path) => RPMDB.test(path),
  async catalog(input): Promise<CatalogResult> {
    const rows = readSqliteTable(await input.fs.readBytes(input.path), 'Packages', input.path);
    const headers = rows.map((row) => {
      const blob = row.values[1];
      if (!(blob instanceof Uint8Array)) {
        throw new UserError(`row ${row.rowid} has no header blob`, { file: input.path, field: 'Packages.blob', expected: 'an rpm header' });
      }
      return { id: row.rowid, blob };
    });
    return catalogHeaders(input, headers);
  },
};

/**
 * rpm's Berkeley DB database (rpm before 4.16: RHEL/CentOS 7 and 8, UBI 8, Amazon Linux 2): a hash database keyed
 * by the header's instance number. Key 0 is rpm's own counter, not a package.
 */
export const rpmdbBerkeleyCataloger: Cataloger = {
  id: 'rpmdb-bdb',
  ecosystem: 'rpm',
  files: 'var/lib/rpm/Packages (Berkeley DB: RHEL/CentOS 7 and 8, UBI 8, Amazon Linux 2)',
  claims: (path) => RPMDB_BDB.test(path),
  async catalog(input): Promise<CatalogResult> {
    const pairs = readBdbHash(await input.fs.readBytes(input.path), input.path);
    const headers = pairs
      .filter((p) => p.key.length === 4)
      .map((p) => ({ id: new DataView(p.key.buffer, p.key.byteOffset, 4).getUint32(0, true), blob: p.value }))
      .filter((h) => h.id !== 0)
      .sort((a, b) => a.id - b.id);
    return catalogHeaders(input, headers);
  },
};
