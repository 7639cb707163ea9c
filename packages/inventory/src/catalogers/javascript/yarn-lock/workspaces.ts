import type { InventoryFs } from '../../../fs/types.js';
import { readManifestAt, type Manifest } from '../manifest.js';

/** A workspace glob (`packages/*`, `apps/**`) as a regular expression over folder paths. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .replace(/^\.\//, '')
    .replace(/\/+$/, '')
    .split('/')
    .map((seg) => (seg === '**' ? '.*' : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
    .join('/');
  return new RegExp(`^${body}$`);
}

/**
 * The workspace members of the project at `dir` (relative to the tree's root): the folders under it that match
 * its `workspaces` globs and hold a package.json. Yarn classic leaves members out of its lockfile, so their own
 * dependencies are only known from these manifests.
 */
export async function workspaceMembers(fs: InventoryFs, dir: string, globs: readonly string[]): Promise<{ path: string; manifest: Manifest }[]> {
  if (globs.length === 0) return [];
  const patterns = globs.map(globRegExp);
  const prefix = dir === '' ? '' : `${dir}/`;
  const out: { path: string; manifest: Manifest }[] = [];
  for await (const file of fs.walk()) {
    if (!file.startsWith(prefix) || !file.endsWith('/package.json') || file.split('/').includes('node_modules')) continue;
    const folder = file.slice(prefix.length, -'/package.json'.length);
    if (!patterns.some((p) => p.test(folder))) continue;
    const manifest = await readManifestAt(fs, file);
    if (manifest) out.push({ path: folder, manifest });
  }
  return out;
}
