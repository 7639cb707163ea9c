import { UserError } from '@rampart/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { InventoryFs } from '../../fs/types.js';
import { normalizeLicense } from '../../license.js';

export interface ProjectIdentity {
  file: string;
  name: string;
  version?: string;
  licenses: string[];
}

const EXTENSIONS = ['csproj', 'fsproj', 'vbproj'];

function firstString(groups: unknown, key: string): string | undefined {
  const list = Array.isArray(groups) ? groups : [groups];
  for (const g of list) {
    if (typeof g !== 'object' || g === null) continue;
    const v = (g as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim() !== '' && !v.includes('$(')) return v.trim();
  }
  return undefined;
}

/**
 * The project a NuGet lock file was restored for. NuGet writes `packages.lock.json` beside the project file, or
 * `packages.<project>.lock.json` when several projects share a folder; a project file without the folder's or the
 * lock's name cannot be found without listing the folder, which the tree abstraction does not offer.
 */
export async function projectBeside(fs: InventoryFs, lockfile: string): Promise<ProjectIdentity | undefined> {
  const slash = lockfile.lastIndexOf('/');
  const dir = slash < 0 ? '' : lockfile.slice(0, slash + 1);
  const named = /packages\.(.+)\.lock\.json$/.exec(lockfile)?.[1];
  const folder = dir.split('/').filter((p) => p !== '').pop();
  const stem = named ?? folder;
  if (stem === undefined) return undefined;
  for (const ext of EXTENSIONS) {
    const file = `${dir}${stem}.${ext}`;
    if (!(await fs.exists(file))) continue;
    const text = await fs.readText(file);
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new UserError(`is not well-formed XML: ${valid.err.msg}`, { file, line: valid.err.line, expected: 'an MSBuild project file' });
    const doc = new XMLParser({ ignoreAttributes: true, parseTagValue: false }).parse(text) as Record<string, unknown>;
    const project = doc.Project as Record<string, unknown> | undefined;
    const groups = project?.PropertyGroup;
    const version = firstString(groups, 'Version') ?? firstString(groups, 'PackageVersion');
    const license = normalizeLicense(firstString(groups, 'PackageLicenseExpression'));
    return {
      file,
      name: firstString(groups, 'PackageId') ?? firstString(groups, 'AssemblyName') ?? stem,
      ...(version !== undefined ? { version } : {}),
      licenses: license ? [license] : [],
    };
  }
  return undefined;
}
