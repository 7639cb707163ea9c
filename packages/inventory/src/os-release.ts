import type { InventoryFs } from './fs/types.js';

/** What `os-release(5)` says about the distribution a tree belongs to. */
export interface OsRelease {
  /** Lower-case distribution id: `debian`, `alpine`, `ubuntu`, `rhel`. */
  id: string;
  idLike: string[];
  versionId?: string;
  versionCodename?: string;
  prettyName?: string;
  /** The file it came from, relative to the tree's root. */
  file: string;
}

/** etc/os-release wins: os-release(5) says programs read it first and fall back to usr/lib/os-release. */
const CANDIDATES = ['etc/os-release', 'usr/lib/os-release'] as const;

/**
 * Parses the shell-compatible `KEY=value` lines of os-release(5): values may be double- or single-quoted, with
 * backslash escapes inside double quotes. Lines that are not assignments are ignored, as the format says.
 */
export function parseOsReleaseText(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!m?.[1] || m[2] === undefined) continue;
    out.set(m[1], unquote(m[2]));
  }
  return out;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\([\\$"`])/g, '$1');
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value;
}

export function osReleaseFrom(fields: Map<string, string>, file: string): OsRelease | undefined {
  const id = fields.get('ID')?.toLowerCase();
  if (!id) return undefined;
  const release: OsRelease = { id, idLike: (fields.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean), file };
  const versionId = fields.get('VERSION_ID');
  if (versionId) release.versionId = versionId;
  const codename = fields.get('VERSION_CODENAME');
  if (codename) release.versionCodename = codename;
  const pretty = fields.get('PRETTY_NAME');
  if (pretty) release.prettyName = pretty;
  return release;
}

/**
 * Reads the os-release of the tree rooted at `root` (a prefix such as `` or `images/rootfs/`, ending in `/` when not
 * empty). Returns undefined when there is none or it names no distribution: a scratch image has no OS.
 */
export async function readOsRelease(fs: InventoryFs, root = ''): Promise<OsRelease | undefined> {
  for (const candidate of CANDIDATES) {
    const path = `${root}${candidate}`;
    if (!(await fs.exists(path))) continue;
    const release = osReleaseFrom(parseOsReleaseText(await fs.readText(path)), path);
    if (release) return release;
  }
  return undefined;
}

/** The purl `distro` qualifier: `debian-12`, `alpine-3.19.1`; the codename stands in for testing and sid. */
export function distroQualifier(release: OsRelease | undefined): string | undefined {
  if (!release) return undefined;
  const version = release.versionId ?? release.versionCodename;
  return version ? `${release.id}-${version}` : release.id;
}
