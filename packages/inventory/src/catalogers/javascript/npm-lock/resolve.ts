/**
 * Where Node looks for `name` required from the package installed at `from` (a lockfile `packages` key such as
 * `node_modules/a/node_modules/b`, or `packages/app` for a workspace member): its own node_modules, then each
 * ancestor's, never inside a folder that is itself called node_modules (Node's `Module._nodeModulePaths`).
 */
export function nodeModulesCandidates(from: string, name: string): string[] {
  const segments = from === '' ? [] : from.split('/');
  const out: string[] = [];
  for (let i = segments.length; i >= 0; i--) {
    if (i > 0 && segments[i - 1] === 'node_modules') continue;
    const dir = segments.slice(0, i).join('/');
    out.push(dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`);
  }
  return out;
}

/** The package name a `packages` key installs: the part after its last `node_modules/`, scope included. */
export function nameFromKey(key: string): string | undefined {
  const at = key.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const name = key.slice(at + 'node_modules/'.length);
  return name === '' ? undefined : name;
}
