import { UserError } from '@rampart/core';
import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package, PackageHash, RootComponent } from '../../types.js';
import { projectBeside } from './project-file.js';

// Version 2 came with Central Package Management and its `CentralTransitive` entries.
const KNOWN_VERSIONS = new Set([1, 2]);
const EXPECTED = 'a NuGet packages.lock.json: {"version": 1|2, "dependencies": {<target framework>: {<package>: {...}}}}';
// NuGet package ids: letters, digits, `.`, `-` and `_` (NuGet.Packaging's PackageIdValidator).
const NUGET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const PACKAGE_TYPES = new Set(['Direct', 'Transitive', 'CentralTransitive']);

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parse(file: string, text: string): Json {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`is not valid JSON: ${(e as Error).message}`, { file, expected: EXPECTED });
  }
  if (!isRecord(doc)) throw new UserError('is not a JSON object', { file, expected: EXPECTED });
  if (typeof doc.version !== 'number' || !KNOWN_VERSIONS.has(doc.version)) {
    throw new UserError(`has version ${JSON.stringify(doc.version)}, which this version of Rampart does not know`, {
      file,
      field: 'version',
      expected: [...KNOWN_VERSIONS].join(' or '),
    });
  }
  if (!isRecord(doc.dependencies)) throw new UserError('is missing or not an object', { file, field: 'dependencies', expected: EXPECTED });
  return doc;
}

/** `contentHash` is the base64 SHA-512 of the .nupkg, as nuget.org reports it. */
function contentHash(value: unknown): PackageHash[] {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(value)) return [];
  return [{ alg: 'sha512', value: Buffer.from(value, 'base64').toString('hex') }];
}

/**
 * NuGet lock files list the resolved graph once per target framework (and per runtime identifier). One package found
 * under several frameworks is one package; its edges are the union, each resolved within the framework it is listed in.
 * `Project` entries are other projects of the solution, not packages.
 */
export const packagesLockCataloger: Cataloger = {
  id: 'dotnet-packages-lock',
  ecosystem: 'nuget',
  files: 'packages.lock.json (NuGet lock file versions 1 and 2)',
  claims: (path) => /(^|\/)packages(\.[^/]+)?\.lock\.json$/.test(path),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const doc = parse(file, await input.text());
    const problems: InventoryProblem[] = [];
    const byPurl = new Map<string, Package>();
    for (const [framework, entries] of Object.entries(doc.dependencies as Json)) {
      if (!isRecord(entries)) {
        problems.push({ file, message: `${framework} is not an object of packages` });
        continue;
      }
      // NuGet package ids are case-insensitive.
      const resolved = new Map<string, string>();
      for (const [id, raw] of Object.entries(entries)) {
        if (!isRecord(raw) || !PACKAGE_TYPES.has(String(raw.type)) || typeof raw.resolved !== 'string' || !/^\S+$/.test(raw.resolved) || !NUGET_ID.test(id)) continue;
        resolved.set(id.toLowerCase(), makePurl('nuget', id, raw.resolved));
      }
      for (const [id, raw] of Object.entries(entries)) {
        if (isRecord(raw) && raw.type === 'Project') continue;
        const purl = resolved.get(id.toLowerCase());
        if (!isRecord(raw) || purl === undefined) {
          problems.push({ file, message: `${framework}: ${id} has no known type or no resolved version` });
          continue;
        }
        const deps = isRecord(raw.dependencies) ? Object.keys(raw.dependencies) : [];
        const edges = deps.flatMap((d) => resolved.get(d.toLowerCase()) ?? []);
        const seen = byPurl.get(purl);
        if (seen) {
          seen.direct ||= raw.type === 'Direct';
          for (const e of edges) if (!seen.dependsOn.includes(e)) seen.dependsOn.push(e);
          continue;
        }
        byPurl.set(purl, { purl, name: id, version: String(raw.resolved), ecosystem: 'nuget', licenses: [], hashes: contentHash(raw.contentHash), direct: raw.type === 'Direct', dev: false, locations: [file], dependsOn: [...new Set(edges)] });
      }
    }
    const packages = [...byPurl.values()];
    const project = await projectBeside(input.fs, file);
    let root: RootComponent | undefined;
    if (project && NUGET_ID.test(project.name)) {
      const purl = makePurl('nuget', project.name, project.version);
      const { version, licenses } = project;
      root = { ref: purl, name: project.name, ...(version ? { version } : {}), ecosystem: 'nuget', purl, manifest: file, ...(licenses.length > 0 ? { licenses } : {}), dependsOn: packages.filter((p) => p.direct).map((p) => p.purl) };
    }
    return { ...(root ? { root } : {}), packages, problems };
  },
};
