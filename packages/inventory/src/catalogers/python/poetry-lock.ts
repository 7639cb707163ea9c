import { UserError } from '@rampart/core';
import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { hexHash } from '../../hashes.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package, PackageHash } from '../../types.js';
import { devOnly, graphTops } from './graph.js';
import { pyprojectRoot, readPyprojectBeside } from './pyproject.js';
import { isPyName, isRecord, normalizePyName } from './text.js';
import { parseTomlFile } from './toml.js';

// Poetry 1.0 wrote no lock-version; 1.1 added it; 2.0 came with Poetry 1.3; 2.1 (per-package `groups`) with Poetry 2.
const KNOWN_LOCK_VERSIONS = new Set(['1.1', '2.0', '2.1']);
const EXPECTED = 'a poetry.lock with [[package]] entries and a [metadata] table';

interface Entry {
  pkg: Package;
  key: string;
  deps: string[];
  /** From `category` (lock 1.x) or `groups` (lock 2.1); undefined when the lock does not say. */
  devFlag: boolean | undefined;
}

function checkVersion(file: string, metadata: unknown): void {
  if (!isRecord(metadata)) throw new UserError('has no [metadata] table', { file, field: 'metadata', expected: EXPECTED });
  const v = metadata['lock-version'];
  if (v === undefined && typeof metadata['content-hash'] === 'string') return;
  if (typeof v !== 'string' || !KNOWN_LOCK_VERSIONS.has(v)) {
    throw new UserError(`has lock-version ${JSON.stringify(v)}, which this version of Rampart does not know`, {
      file,
      field: 'metadata.lock-version',
      expected: [...KNOWN_LOCK_VERSIONS].join(', '),
    });
  }
}

/** Poetry lists one hash per distribution file; the sdist stands for the release, else the first wheel. */
function pickHash(files: unknown): PackageHash[] {
  if (!Array.isArray(files)) return [];
  const entries = files.filter(isRecord);
  const sdist = entries.find((f) => typeof f.file === 'string' && /\.(tar\.gz|zip)$/.test(f.file));
  const chosen = sdist ?? entries[0];
  const [alg, digest] = typeof chosen?.hash === 'string' ? chosen.hash.split(':') : [];
  const hash = alg === 'sha256' || alg === 'sha512' ? hexHash(digest, alg) : undefined;
  return hash ? [hash] : [];
}

function devFlagOf(raw: Record<string, unknown>): boolean | undefined {
  if (typeof raw.category === 'string') return raw.category === 'dev';
  if (Array.isArray(raw.groups)) return !raw.groups.includes('main');
  return undefined;
}

function readEntry(file: string, raw: unknown, i: number, legacyFiles: Record<string, unknown>): Entry | string {
  if (!isRecord(raw)) return `package #${i + 1} is not a table`;
  const { name, version } = raw;
  if (!isPyName(name) || typeof version !== 'string' || version.trim() === '') {
    return `package #${i + 1} has no name or version`;
  }
  const purl = makePurl('pypi', name, version);
  const pkg: Package = {
    purl,
    name,
    version,
    ecosystem: 'pypi',
    licenses: [],
    hashes: pickHash(raw.files ?? legacyFiles[name]),
    direct: false,
    dev: false,
    locations: [file],
    dependsOn: [],
  };
  if (raw.optional === true) pkg.optional = true;
  const deps = isRecord(raw.dependencies) ? Object.keys(raw.dependencies).map(normalizePyName) : [];
  return { pkg, key: normalizePyName(name), deps, devFlag: devFlagOf(raw) };
}

export const poetryLockCataloger: Cataloger = {
  id: 'python-poetry-lock',
  ecosystem: 'pypi',
  files: 'poetry.lock (lock-version 1.1, 2.0, 2.1), with pyproject.toml beside it for the root',
  claims: (path) => path === 'poetry.lock' || path.endsWith('/poetry.lock'),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const doc = parseTomlFile(file, await input.text(), EXPECTED);
    checkVersion(file, doc.metadata);
    if (doc.package !== undefined && !Array.isArray(doc.package)) {
      throw new UserError('is not an array of tables', { file, field: 'package', expected: EXPECTED });
    }
    const meta = isRecord(doc.metadata) ? doc.metadata : {};
    const legacyFiles = isRecord(meta.files) ? meta.files : {};
    const problems: InventoryProblem[] = [];
    const entries: Entry[] = [];
    for (const [i, raw] of (doc.package ?? []).entries()) {
      const entry = readEntry(file, raw, i, legacyFiles);
      if (typeof entry === 'string') problems.push({ file, message: entry });
      else entries.push(entry);
    }
    const byName = new Map<string, string[]>();
    for (const e of entries) byName.set(e.key, [...(byName.get(e.key) ?? []), e.pkg.purl]);
    const edges = new Map<string, string[]>();
    for (const e of entries) {
      e.pkg.dependsOn = [...new Set(e.deps.flatMap((d) => byName.get(d) ?? []))].filter((d) => d !== e.pkg.purl);
      edges.set(e.pkg.purl, e.pkg.dependsOn);
    }
    const pyproject = await readPyprojectBeside(input.fs, file);
    const seeds = (names: Iterable<string>) => [...names].flatMap((n) => byName.get(n) ?? []);
    const directSet = pyproject
      ? new Set(seeds([...pyproject.runtime, ...pyproject.dev]))
      : graphTops(entries.map((e) => e.pkg.purl), edges);
    const dev = pyproject ? devOnly(edges, seeds(pyproject.runtime), seeds(pyproject.dev)) : new Set<string>();
    for (const e of entries) {
      e.pkg.direct = directSet.has(e.pkg.purl);
      e.pkg.dev = e.devFlag ?? dev.has(e.pkg.purl);
    }
    const packages = entries.map((e) => e.pkg);
    const root = pyprojectRoot(pyproject, file, [...directSet]);
    return { ...(root ? { root } : {}), packages, problems };
  },
};
