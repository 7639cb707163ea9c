import type { InventoryFs } from '../../fs/types.js';
import { makePurl } from '../../purl.js';
import type { RootComponent } from '../../types.js';

async function readIfExists(fs: InventoryFs, path: string): Promise<string | undefined> {
  return (await fs.exists(path)) ? fs.readText(path) : undefined;
}

/** `key = "value"`, `key = 'value'` (Groovy and Kotlin DSL) or `key=value` (gradle.properties). */
function assigned(text: string | undefined, key: string, quoted: boolean): string | undefined {
  if (text === undefined) return undefined;
  const value = quoted ? `["']([^"'\\s$]+)["']` : '([^\\s#]+)';
  return new RegExp(`^\\s*${key.replace('.', '\\.')}\\s*=\\s*${value}\\s*$`, 'm').exec(text)?.[1];
}

/**
 * The project a Gradle lockfile belongs to, as far as plain assignments say: `rootProject.name` in settings.gradle(.kts),
 * `group` and `version` in gradle.properties or the build script. Values computed by code are not evaluated.
 */
export async function gradleRoot(fs: InventoryFs, lockfile: string, dependsOn: string[]): Promise<RootComponent | undefined> {
  const dir = lockfile.includes('/') ? lockfile.slice(0, lockfile.lastIndexOf('/') + 1).replace(/gradle\/dependency-locks\/$/, '') : '';
  const settings = (await readIfExists(fs, `${dir}settings.gradle`)) ?? (await readIfExists(fs, `${dir}settings.gradle.kts`));
  const props = await readIfExists(fs, `${dir}gradle.properties`);
  const build = (await readIfExists(fs, `${dir}build.gradle`)) ?? (await readIfExists(fs, `${dir}build.gradle.kts`));
  const name = assigned(settings, 'rootProject.name', true);
  if (name === undefined) return undefined;
  const group = assigned(props, 'group', false) ?? assigned(build, 'group', true);
  const version = assigned(props, 'version', false) ?? assigned(build, 'version', true);
  const purl = group !== undefined && /^[^:/\s]+$/.test(group + name) ? makePurl('maven', `${group}:${name}`, version) : undefined;
  return {
    ref: purl ?? `root:${lockfile}`,
    name: group !== undefined ? `${group}:${name}` : name,
    ...(version !== undefined ? { version } : {}),
    ecosystem: 'maven',
    ...(purl !== undefined ? { purl } : {}),
    manifest: lockfile,
    dependsOn,
  };
}
