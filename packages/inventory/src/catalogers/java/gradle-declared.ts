import { parse as parseToml } from 'smol-toml';
import { UserError } from '@rampart/core';
import type { InventoryFs } from '../../fs/types.js';

const MAX_UP = 6;

async function firstExisting(fs: InventoryFs, paths: string[]): Promise<string | undefined> {
  for (const p of paths) if (await fs.exists(p)) return p;
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Gradle turns a catalog alias's `-`, `_` and `.` into `.` for the `libs.` accessor. */
function accessor(alias: string): string {
  return alias.replace(/[-_.]/g, '.').toLowerCase();
}

/** `[libraries]` of gradle/libs.versions.toml: accessor -> `group:artifact`. */
async function versionCatalog(fs: InventoryFs, projectDir: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let up = 0; up <= Math.min(projectDir.length, MAX_UP); up++) {
    const dir = projectDir.slice(0, projectDir.length - up).join('/');
    const path = `${dir === '' ? '' : `${dir}/`}gradle/libs.versions.toml`;
    if (!(await fs.exists(path))) continue;
    let doc: Record<string, unknown>;
    try {
      doc = parseToml(await fs.readText(path));
    } catch (e) {
      throw new UserError(`is not valid TOML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`, { file: path, expected: 'a Gradle version catalog' });
    }
    const libraries = isRecord(doc.libraries) ? doc.libraries : {};
    for (const [alias, lib] of Object.entries(libraries)) {
      const coords = typeof lib === 'string' ? lib : isRecord(lib) && typeof lib.module === 'string' ? lib.module
        : isRecord(lib) && typeof lib.group === 'string' && typeof lib.name === 'string' ? `${lib.group}:${lib.name}` : undefined;
      const ga = coords?.split(':').slice(0, 2).join(':');
      if (ga?.includes(':')) out.set(accessor(alias), ga);
    }
    break;
  }
  return out;
}

/**
 * The modules a project's build script declares itself, as `group:artifact`: string notation
 * (`implementation("g:a:1.0")`), map notation (`group: 'g', name: 'a'`) and version catalog accessors (`libs.guava`).
 * Undefined when there is no build script beside the lockfile. Coordinates computed by code are not seen.
 */
export async function declaredModules(fs: InventoryFs, lockfile: string): Promise<Set<string> | undefined> {
  const parts = lockfile.split('/').slice(0, -1);
  if (parts.slice(-2).join('/') === 'gradle/dependency-locks') parts.splice(-2, 2);
  const dir = parts.length === 0 ? '' : `${parts.join('/')}/`;
  const script = await firstExisting(fs, [`${dir}build.gradle`, `${dir}build.gradle.kts`]);
  if (script === undefined) return undefined;
  const text = await fs.readText(script);
  const out = new Set<string>();
  for (const m of text.matchAll(/["']([\w.-]+):([\w.-]+)(?::[^"'\s]*)?["']/g)) out.add(`${m[1]}:${m[2]}`);
  for (const m of text.matchAll(/group\s*[:=]\s*["']([\w.-]+)["']\s*,\s*name\s*[:=]\s*["']([\w.-]+)["']/g)) out.add(`${m[1]}:${m[2]}`);
  const refs = [...text.matchAll(/\blibs\.([\w.]+)/g)].map((m) => (m[1] ?? '').toLowerCase());
  if (refs.length > 0) {
    const catalog = await versionCatalog(fs, parts);
    for (const ref of refs) {
      const ga = catalog.get(ref);
      if (ga) out.add(ga);
    }
  }
  return out;
}
