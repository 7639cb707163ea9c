import { UserError } from '@rampart/core';
import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { hexHash } from '../../hashes.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package, PackageHash, RootComponent } from '../../types.js';
import { devOnly } from './graph.js';
import { readPyprojectBeside } from './pyproject.js';
import { isPyName, isRecord, normalizePyName } from './text.js';
import { parseTomlFile } from './toml.js';

const KNOWN_VERSIONS = new Set([1]);
const EXPECTED = 'a uv.lock: TOML with version = 1 and [[package]] entries';

interface DepRef {
  name: string;
  version?: string;
}

interface Entry {
  name: string;
  version?: string;
  /** editable/virtual sources are the workspace's own projects: roots, not packages. */
  member: boolean;
  isRoot: boolean;
  runtime: DepRef[];
  dev: DepRef[];
  hashes: PackageHash[];
}

function depRefs(list: unknown): DepRef[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).flatMap((d) =>
    typeof d.name === 'string'
      ? [{ name: normalizePyName(d.name), ...(typeof d.version === 'string' ? { version: d.version } : {}) }]
      : [],
  );
}

/** `[package.optional-dependencies]` and `[package.dev-dependencies]` map a group name to a list of refs. */
function groupRefs(table: unknown): DepRef[] {
  return isRecord(table) ? Object.values(table).flatMap(depRefs) : [];
}

function hashOf(raw: Record<string, unknown>): PackageHash[] {
  const wheels = Array.isArray(raw.wheels) ? raw.wheels.filter(isRecord) : [];
  // The sdist stands for the release; a wheel-only package is represented by its first wheel.
  const chosen = isRecord(raw.sdist) ? raw.sdist : wheels[0];
  const [alg, digest] = typeof chosen?.hash === 'string' ? chosen.hash.split(':') : [];
  const hash = alg === 'sha256' || alg === 'sha512' ? hexHash(digest, alg) : undefined;
  return hash ? [hash] : [];
}

function readEntry(raw: unknown, i: number): Entry | string {
  if (!isRecord(raw) || !isPyName(raw.name)) return `package #${i + 1} has no valid name`;
  const source = isRecord(raw.source) ? raw.source : {};
  const local = typeof source.editable === 'string' ? source.editable : typeof source.virtual === 'string' ? source.virtual : undefined;
  const version = typeof raw.version === 'string' && raw.version.trim() !== '' ? raw.version : undefined;
  if (local === undefined && version === undefined) return `package ${raw.name} has no version`;
  return {
    name: raw.name,
    ...(version !== undefined ? { version } : {}),
    member: local !== undefined,
    isRoot: local === '.',
    runtime: [...depRefs(raw.dependencies), ...groupRefs(raw['optional-dependencies'])],
    dev: groupRefs(raw['dev-dependencies']),
    hashes: hashOf(raw),
  };
}

function checkVersion(file: string, doc: Record<string, unknown>): void {
  if (typeof doc.version !== 'number' || !KNOWN_VERSIONS.has(doc.version)) {
    throw new UserError(`has version ${JSON.stringify(doc.version)}, which this version of Rampart does not know`, {
      file,
      field: 'version',
      expected: [...KNOWN_VERSIONS].join(', '),
    });
  }
  if (doc.package !== undefined && !Array.isArray(doc.package)) {
    throw new UserError('is not an array of tables', { file, field: 'package', expected: EXPECTED });
  }
}

function buildRoot(file: string, entry: Entry | undefined, dependsOn: string[], licenses: string[]): RootComponent | undefined {
  if (!entry) return undefined;
  const purl = makePurl('pypi', entry.name, entry.version);
  return {
    ref: purl,
    name: entry.name,
    ...(entry.version !== undefined ? { version: entry.version } : {}),
    ecosystem: 'pypi',
    purl,
    manifest: file,
    ...(licenses.length > 0 ? { licenses } : {}),
    dependsOn,
  };
}

export const uvLockCataloger: Cataloger = {
  id: 'python-uv-lock',
  ecosystem: 'pypi',
  files: 'uv.lock (version 1); the editable or virtual "." package is the root',
  claims: (path) => path === 'uv.lock' || path.endsWith('/uv.lock'),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const doc = parseTomlFile(file, await input.text(), EXPECTED);
    checkVersion(file, doc);
    const problems: InventoryProblem[] = [];
    const entries: Entry[] = [];
    for (const [i, raw] of ((doc.package as unknown[] | undefined) ?? []).entries()) {
      const e = readEntry(raw, i);
      if (typeof e === 'string') problems.push({ file, message: e });
      else entries.push(e);
    }
    const packages = new Map<Entry, Package>();
    for (const e of entries) {
      if (e.member || e.version === undefined) continue;
      const purl = makePurl('pypi', e.name, e.version);
      packages.set(e, { purl, name: e.name, version: e.version, ecosystem: 'pypi', licenses: [], hashes: e.hashes, direct: false, dev: false, locations: [file], dependsOn: [] });
    }
    const resolve = (refs: DepRef[]): string[] => {
      const out = new Set<string>();
      for (const ref of refs) {
        for (const [e, p] of packages) {
          if (normalizePyName(e.name) === ref.name && (ref.version === undefined || ref.version === e.version)) out.add(p.purl);
        }
      }
      return [...out];
    };
    const edges = new Map<string, string[]>();
    for (const [e, p] of packages) {
      // A package's extras may name the package itself (`foo[all]` -> `foo[x]`); that is no edge.
      p.dependsOn = resolve([...e.runtime, ...e.dev]).filter((d) => d !== p.purl);
      edges.set(p.purl, p.dependsOn);
    }
    const members = entries.filter((e) => e.member);
    const runtimeSeeds = resolve(members.flatMap((m) => m.runtime));
    const devSeeds = resolve(members.flatMap((m) => m.dev));
    const dev = devOnly(edges, runtimeSeeds, devSeeds);
    const direct = new Set([...runtimeSeeds, ...devSeeds]);
    for (const p of packages.values()) {
      p.direct = direct.has(p.purl);
      p.dev = dev.has(p.purl);
    }
    const rootEntry = members.find((m) => m.isRoot);
    // The lock does not carry the project's license; its pyproject.toml beside it may.
    const licenses = rootEntry ? ((await readPyprojectBeside(input.fs, file))?.licenses ?? []) : [];
    const root = buildRoot(file, rootEntry, rootEntry ? resolve([...rootEntry.runtime, ...rootEntry.dev]) : [], licenses);
    return { ...(root ? { root } : {}), packages: [...packages.values()], problems };
  },
};
