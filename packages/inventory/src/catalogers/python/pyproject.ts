import type { InventoryFs } from '../../fs/types.js';
import { normalizeLicense } from '../../license.js';
import { makePurl } from '../../purl.js';
import type { RootComponent } from '../../types.js';
import { parseRequirement } from './pep508.js';
import { parseTomlFile } from './toml.js';
import { dirOf, isRecord, joinPath, normalizePyName } from './text.js';

/** What a pyproject.toml says about the project itself: its name and its direct dependencies by normalised name. */
export interface PyprojectInfo {
  file: string;
  name?: string;
  version?: string;
  licenses: string[];
  runtime: Set<string>;
  dev: Set<string>;
}

function requirementNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const req = typeof item === 'string' ? parseRequirement(item) : undefined;
    return req ? [normalizePyName(req.name)] : [];
  });
}

function tableKeys(table: unknown): string[] {
  return isRecord(table) ? Object.keys(table).filter((k) => k.toLowerCase() !== 'python').map(normalizePyName) : [];
}

function licenseOf(project: Record<string, unknown>, poetry: Record<string, unknown>): string[] {
  const raw = project.license ?? poetry.license;
  const text = typeof raw === 'string' ? raw : isRecord(raw) && typeof raw.text === 'string' ? raw.text : undefined;
  const normalized = normalizeLicense(text);
  return normalized ? [normalized] : [];
}

/** Collects PEP 621 `[project]`, PEP 735 `[dependency-groups]`, `[tool.poetry]` and `[tool.uv]` declarations. */
export function pyprojectInfo(file: string, text: string): PyprojectInfo {
  const doc = parseTomlFile(file, text, 'a pyproject.toml');
  const project = isRecord(doc.project) ? doc.project : {};
  const tool = isRecord(doc.tool) ? doc.tool : {};
  const poetry = isRecord(tool.poetry) ? tool.poetry : {};
  const uv = isRecord(tool.uv) ? tool.uv : {};
  const runtime = new Set([...requirementNames(project.dependencies), ...tableKeys(poetry.dependencies)]);
  if (isRecord(project['optional-dependencies'])) {
    for (const list of Object.values(project['optional-dependencies'])) for (const n of requirementNames(list)) runtime.add(n);
  }
  const dev = new Set([...tableKeys(poetry['dev-dependencies']), ...requirementNames(uv['dev-dependencies'])]);
  if (isRecord(doc['dependency-groups'])) {
    for (const list of Object.values(doc['dependency-groups'])) for (const n of requirementNames(list)) dev.add(n);
  }
  if (isRecord(poetry.group)) {
    for (const [group, body] of Object.entries(poetry.group)) {
      const names = tableKeys(isRecord(body) ? body.dependencies : undefined);
      for (const n of names) (group === 'main' ? runtime : dev).add(n);
    }
  }
  const name = typeof project.name === 'string' ? project.name : typeof poetry.name === 'string' ? poetry.name : undefined;
  const version =
    typeof project.version === 'string' ? project.version : typeof poetry.version === 'string' ? poetry.version : undefined;
  return {
    file,
    ...(name !== undefined ? { name } : {}),
    ...(version !== undefined ? { version } : {}),
    licenses: licenseOf(project, poetry),
    runtime,
    dev,
  };
}

/** The pyproject.toml beside a lockfile, when there is one. */
export async function readPyprojectBeside(fs: InventoryFs, lockPath: string): Promise<PyprojectInfo | undefined> {
  const file = joinPath(dirOf(lockPath), 'pyproject.toml');
  if (!(await fs.exists(file))) return undefined;
  return pyprojectInfo(file, await fs.readText(file));
}

/** The root component a lockfile's pyproject.toml names, with the lockfile as its manifest. */
export function pyprojectRoot(info: PyprojectInfo | undefined, manifest: string, dependsOn: string[]): RootComponent | undefined {
  if (info?.name === undefined) return undefined;
  const purl = makePurl('pypi', info.name, info.version);
  return {
    ref: purl,
    name: info.name,
    ...(info.version !== undefined ? { version: info.version } : {}),
    ecosystem: 'pypi',
    purl,
    manifest,
    ...(info.licenses.length > 0 ? { licenses: info.licenses } : {}),
    dependsOn,
  };
}
