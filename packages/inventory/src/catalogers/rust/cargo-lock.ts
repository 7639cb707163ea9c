import { UserError } from '@rampart/core';
import { parse as parseToml } from 'smol-toml';
import type { Cataloger, CatalogInput, CatalogResult } from '../../cataloger.js';
import { hexHash } from '../../hashes.js';
import { normalizeLicense } from '../../license.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package, RootComponent } from '../../types.js';

// No `version` key: the v1 format (checksums under [metadata]) or v2 (inline `checksum`); 3 and 4 say so.
const KNOWN_VERSIONS = new Set([3, 4]);
const EXPECTED = 'a Cargo.lock: TOML with [[package]] entries';

interface Entry {
  name: string;
  version: string;
  source?: string;
  checksum?: string;
  deps: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseFile(file: string, text: string): Record<string, unknown> {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f]/.test(text)) throw new UserError('is not a text file', { file, expected: EXPECTED });
  try {
    return parseToml(text);
  } catch (e) {
    throw new UserError(`is not valid TOML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`, { file, expected: EXPECTED });
  }
}

function readEntries(file: string, doc: Record<string, unknown>, problems: InventoryProblem[]): Entry[] {
  if (doc.package !== undefined && !Array.isArray(doc.package)) {
    throw new UserError('is not an array of tables', { file, field: 'package', expected: EXPECTED });
  }
  // Cargo before 1.0 wrote the root crate as a `[root]` table.
  const raws = [...(isRecord(doc.root) ? [doc.root] : []), ...((doc.package as unknown[] | undefined) ?? [])];
  const legacy = isRecord(doc.metadata) ? doc.metadata : {};
  const out: Entry[] = [];
  for (const [i, raw] of raws.entries()) {
    if (!isRecord(raw) || typeof raw.name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(raw.name) || typeof raw.version !== 'string' || !/^\S+$/.test(raw.version)) {
      problems.push({ file, message: `package #${i + 1} has no name or version` });
      continue;
    }
    const source = typeof raw.source === 'string' ? raw.source : undefined;
    const legacySum = legacy[`checksum ${raw.name} ${raw.version} (${source ?? ''})`];
    const checksum = typeof raw.checksum === 'string' ? raw.checksum : typeof legacySum === 'string' ? legacySum : undefined;
    const deps = Array.isArray(raw.dependencies) ? raw.dependencies.filter((d): d is string => typeof d === 'string') : [];
    out.push({ name: raw.name, version: raw.version, ...(source ? { source } : {}), ...(checksum ? { checksum } : {}), deps });
  }
  return out;
}

/** `name`, `name version` or `name version (source)`: as much as Cargo needs to make the reference unambiguous. */
function resolver(entries: Entry[]): (dep: string) => Entry[] {
  return (dep) => {
    const m = /^(\S+)(?:\s+(\S+))?(?:\s+\((.+)\))?$/.exec(dep.trim());
    if (!m) return [];
    const [, name, version, source] = m;
    return entries.filter(
      (e) => e.name === name && (version === undefined || e.version === version) && (source === undefined || e.source === source),
    );
  };
}

interface Manifest {
  name?: string;
  licenses: string[];
  /** Crate names under `[dev-dependencies]` (a renamed dependency names its crate with `package = "..."`). */
  devNames: Set<string>;
}

async function readManifest(input: CatalogInput): Promise<Manifest | undefined> {
  const path = input.path.replace(/Cargo\.lock$/, 'Cargo.toml');
  if (!(await input.fs.exists(path))) return undefined;
  const doc = parseFile(path, await input.fs.readText(path));
  const devNames = new Set<string>();
  const dev = doc['dev-dependencies'];
  if (isRecord(dev)) {
    for (const [key, spec] of Object.entries(dev)) devNames.add(isRecord(spec) && typeof spec.package === 'string' ? spec.package : key);
  }
  const pkg = isRecord(doc.package) ? doc.package : {};
  const name = typeof pkg.name === 'string' ? pkg.name : undefined;
  // Cargo's `license` is an SPDX expression (older crates wrote `MIT/Apache-2.0`, which normalizeLicense reads too).
  const license = normalizeLicense(typeof pkg.license === 'string' ? pkg.license : undefined);
  return { ...(name !== undefined ? { name } : {}), licenses: license ? [license] : [], devNames };
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
 * Cargo.lock locks dev-dependencies with the rest and does not mark them. With the root's Cargo.toml beside it, a
 * crate is dev when it is reachable only through the root's `[dev-dependencies]`; other workspace members count as
 * runtime, since their manifests are not read here.
 */
function devOnly(root: Entry | undefined, members: Entry[], manifest: Manifest | undefined, purlsOf: (deps: string[]) => string[], edges: Map<string, string[]>): Set<string> {
  if (!root || !manifest || manifest.devNames.size === 0) return new Set();
  const isDevRef = (dep: string) => manifest.devNames.has(dep.split(/\s/)[0] ?? '');
  const runtimeSeeds = purlsOf([...root.deps.filter((d) => !isDevRef(d)), ...members.filter((m) => m !== root).flatMap((m) => m.deps)]);
  const devSeeds = purlsOf(root.deps.filter(isDevRef));
  const runtime = reachable(edges, runtimeSeeds);
  return new Set([...reachable(edges, devSeeds)].filter((p) => !runtime.has(p)));
}

export const cargoLockCataloger: Cataloger = {
  id: 'rust-cargo-lock',
  ecosystem: 'cargo',
  files: 'Cargo.lock (versions 1 to 4); path crates are the workspace, not packages',
  claims: (path) => path === 'Cargo.lock' || path.endsWith('/Cargo.lock'),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const doc = parseFile(file, await input.text());
    if (doc.version !== undefined && !(typeof doc.version === 'number' && KNOWN_VERSIONS.has(doc.version))) {
      throw new UserError(`has version ${JSON.stringify(doc.version)}, which this version of Rampart does not know`, {
        file,
        field: 'version',
        expected: `no version (formats 1 and 2), ${[...KNOWN_VERSIONS].join(' or ')}`,
      });
    }
    if (doc.package === undefined && doc.root === undefined) {
      throw new UserError('has no [[package]] entries', { file, field: 'package', expected: EXPECTED });
    }
    const problems: InventoryProblem[] = [];
    const entries = readEntries(file, doc, problems);
    const resolve = resolver(entries);
    // Crates without a source are path dependencies: the workspace's own code.
    const members = entries.filter((e) => e.source === undefined);
    const packages = new Map<Entry, Package>();
    for (const e of entries) {
      if (e.source === undefined) continue;
      const hash = hexHash(e.checksum, 'sha256');
      packages.set(e, { purl: makePurl('cargo', e.name, e.version), name: e.name, version: e.version, ecosystem: 'cargo', licenses: [], hashes: hash ? [hash] : [], direct: false, dev: false, locations: [file], dependsOn: [] });
    }
    const purlsOf = (deps: string[]) => [...new Set(deps.flatMap(resolve).flatMap((e) => packages.get(e)?.purl ?? []))];
    for (const [e, p] of packages) p.dependsOn = purlsOf(e.deps).filter((d) => d !== p.purl);
    const direct = new Set(purlsOf(members.flatMap((m) => m.deps)));
    for (const p of packages.values()) p.direct = direct.has(p.purl);
    const manifest = await readManifest(input);
    // The root: the `[package]` of the Cargo.toml beside the lock, else the only path crate in it.
    const top = members.find((m) => m.name === manifest?.name) ?? (members.length === 1 ? members[0] : undefined);
    const edges = new Map([...packages.values()].map((p) => [p.purl, p.dependsOn]));
    const dev = devOnly(top, members, manifest, purlsOf, edges);
    for (const p of packages.values()) p.dev = dev.has(p.purl);
    let root: RootComponent | undefined;
    if (top) {
      const purl = makePurl('cargo', top.name, top.version);
      const licenses = manifest?.name === top.name ? manifest.licenses : [];
      root = { ref: purl, name: top.name, version: top.version, ecosystem: 'cargo', purl, manifest: file, ...(licenses.length > 0 ? { licenses } : {}), dependsOn: purlsOf(top.deps) };
    }
    return { ...(root ? { root } : {}), packages: [...packages.values()], problems };
  },
};
