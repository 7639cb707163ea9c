import { UserError } from '@rampart/core';
import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { hexHash } from '../../hashes.js';
import { makePurl } from '../../purl.js';
import type { InventoryFs } from '../../fs/types.js';
import type { InventoryProblem, Package } from '../../types.js';
import { pinnedVersion } from './pep508.js';
import { assertText, dirOf, isPyName, isRecord, joinPath, normalizePyName } from './text.js';
import { parseTomlFile } from './toml.js';

// pipenv has written pipfile-spec 6 since 2018; older specs had a different layout this reader was not tested on.
const KNOWN_SPECS = new Set([6]);
const EXPECTED = 'a Pipfile.lock: a JSON object with _meta, default and develop';

function parseJson(file: string, text: string): Record<string, unknown> {
  assertText(file, text, EXPECTED);
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`is not valid JSON: ${(e as Error).message}`, { file, expected: EXPECTED });
  }
  if (!isRecord(doc)) throw new UserError('is not a JSON object', { file, expected: EXPECTED });
  return doc;
}

function checkSpec(file: string, doc: Record<string, unknown>): void {
  const meta = doc._meta;
  const spec = isRecord(meta) ? meta['pipfile-spec'] : undefined;
  if (typeof spec !== 'number' || !KNOWN_SPECS.has(spec)) {
    throw new UserError(`has pipfile-spec ${JSON.stringify(spec)}, which this version of Rampart does not know`, {
      file,
      field: '_meta.pipfile-spec',
      expected: [...KNOWN_SPECS].join(', '),
    });
  }
  for (const section of ['default', 'develop']) {
    if (doc[section] !== undefined && !isRecord(doc[section])) {
      throw new UserError('is not an object', { file, field: section, expected: 'package name -> { version, hashes }' });
    }
  }
}

/** The names the Pipfile beside the lock declares: the direct dependencies, which the lock itself does not mark. */
async function pipfileNames(fs: InventoryFs, lockPath: string): Promise<Set<string> | undefined> {
  const file = joinPath(dirOf(lockPath), 'Pipfile');
  if (!(await fs.exists(file))) return undefined;
  const doc = parseTomlFile(file, await fs.readText(file), 'a Pipfile (TOML)');
  const names = new Set<string>();
  for (const section of ['packages', 'dev-packages']) {
    const table = doc[section];
    if (isRecord(table)) for (const name of Object.keys(table)) names.add(normalizePyName(name));
  }
  return names;
}

function readSection(
  file: string,
  section: Record<string, unknown>,
  dev: boolean,
  out: Map<string, Package>,
  problems: InventoryProblem[],
): void {
  for (const [name, raw] of Object.entries(section)) {
    const version = isRecord(raw) && typeof raw.version === 'string' ? pinnedVersion(raw.version.replace(/\s+/g, '')) : undefined;
    if (!isPyName(name)) {
      problems.push({ file, message: `${JSON.stringify(name)} is not a valid package name` });
      continue;
    }
    if (version === undefined) {
      problems.push({ file, message: `${name} has no pinned version (a git, path or editable entry)` });
      continue;
    }
    const purl = makePurl('pypi', name, version);
    const seen = out.get(purl);
    if (seen) {
      seen.dev &&= dev;
      continue;
    }
    const first = isRecord(raw) && Array.isArray(raw.hashes) ? raw.hashes.find((h) => typeof h === 'string') : undefined;
    const [alg, digest] = typeof first === 'string' ? first.split(':') : [];
    // Hashes are listed without the file they belong to; one stands for the release (one digest per algorithm).
    const hash = alg === 'sha256' ? hexHash(digest, 'sha256') : undefined;
    out.set(purl, {
      purl,
      name,
      version,
      ecosystem: 'pypi',
      licenses: [],
      hashes: hash ? [hash] : [],
      direct: false,
      dev,
      locations: [file],
      dependsOn: [],
    });
  }
}

export const pipfileLockCataloger: Cataloger = {
  id: 'python-pipfile-lock',
  ecosystem: 'pypi',
  files: 'Pipfile.lock (pipfile-spec 6), with the Pipfile beside it for direct dependencies',
  claims: (path) => path === 'Pipfile.lock' || path.endsWith('/Pipfile.lock'),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const doc = parseJson(file, await input.text());
    checkSpec(file, doc);
    const problems: InventoryProblem[] = [];
    const byPurl = new Map<string, Package>();
    if (isRecord(doc.default)) readSection(file, doc.default, false, byPurl, problems);
    if (isRecord(doc.develop)) readSection(file, doc.develop, true, byPurl, problems);
    // Without the Pipfile nothing says which packages are direct: they are left transitive rather than guessed.
    const declared = await pipfileNames(input.fs, file);
    for (const p of byPurl.values()) p.direct = declared?.has(normalizePyName(p.name)) ?? false;
    return { packages: [...byPurl.values()], problems };
  },
};
