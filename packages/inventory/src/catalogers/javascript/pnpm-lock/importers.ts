import type { InventoryFs } from '../../../fs/types.js';
import type { InventoryProblem } from '../../../types.js';
import { isRecord, optionalRecordAt, optionalString, type Json } from '../fields.js';

export interface Importer {
  /** Folder relative to the lockfile's folder: `.` for the project itself. */
  path: string;
  /** Map field -> dependency name -> reference. */
  /** dependencies and optionalDependencies. */
  prod: [string, string][];
  /** dependencies alone: what a production install cannot go without. */
  required: [string, string][];
  dev: [string, string][];
  field: string;
}

const PROD_FIELDS = ['dependencies', 'optionalDependencies'] as const;

/** v6 and v9 write `{ specifier, version }`; v5 writes the reference as a plain string. */
function references(value: unknown, file: string, field: string): [string, string][] {
  const map = optionalRecordAt(value, file, field);
  return Object.entries(map).map(([name, ref]) => {
    const reference = isRecord(ref) ? ref['version'] : ref;
    const text = optionalString(reference, file, `${field}.${name}${isRecord(ref) ? '.version' : ''}`);
    return [name, text ?? ''];
  });
}

function importerOf(path: string, value: Json, file: string, field: string): Importer {
  const at = (f: string) => (field === '' ? f : `${field}.${f}`);
  return {
    path,
    field,
    prod: PROD_FIELDS.flatMap((f) => references(value[f], file, at(f))),
    required: references(value['dependencies'], file, at('dependencies')),
    dev: references(value['devDependencies'], file, at('devDependencies')),
  };
}

/** Every project of the lockfile: `importers` in a workspace, else the top-level maps of a single project. */
export function readImporters(lock: Json, file: string): Importer[] {
  if (lock['importers'] === undefined) return [importerOf('.', lock, file, '')];
  const importers = optionalRecordAt(lock['importers'], file, 'importers');
  return Object.entries(importers).map(([path, value]) =>
    importerOf(path, optionalRecordAt(value, file, `importers["${path}"]`), file, `importers["${path}"]`),
  );
}

/** The name and version of an importer, from its package.json (pnpm does not copy them into the lockfile). */
export async function importerManifest(
  fs: InventoryFs,
  lockfile: string,
  importer: string,
  problems: InventoryProblem[],
): Promise<{ name?: string; version?: string; license?: string }> {
  const dir = lockfile.includes('/') ? lockfile.slice(0, lockfile.lastIndexOf('/')) : '';
  const rel = importer === '.' ? 'package.json' : `${importer}/package.json`;
  const path = normalise(dir === '' ? rel : `${dir}/${rel}`);
  if (path === undefined || !(await fs.exists(path))) return {};
  try {
    const json: unknown = JSON.parse(await fs.readText(path));
    if (!isRecord(json)) return {};
    const pick = (k: string) => (typeof json[k] === 'string' ? (json[k] as string) : undefined);
    const out: { name?: string; version?: string; license?: string } = {};
    for (const k of ['name', 'version', 'license'] as const) {
      const v = pick(k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  } catch (err) {
    // A broken package.json leaves the project unnamed; the lockfile still describes it, so it is not fatal here.
    problems.push({ file: path, message: `not read as JSON (${(err as Error).message}); project left unnamed` });
    return {};
  }
}

/** The importer a `link:` reference of the importer at `from` points at (`.` for the lockfile's own folder). */
export function linkedImporter(from: string, reference: string): string | undefined {
  if (!reference.startsWith('link:')) return undefined;
  const joined = normalise(`${from === '.' ? '' : from}/${reference.slice('link:'.length)}`);
  return joined === undefined ? undefined : joined === '' ? '.' : joined;
}

/** Resolves `.` and `..` segments; undefined when the path leaves the tree. */
function normalise(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.pop() === undefined) return undefined;
    } else out.push(seg);
  }
  return out.join('/');
}
