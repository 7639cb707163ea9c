/** One resolved package of a yarn.lock, whichever dialect wrote it. */
export interface YarnEntry {
  /** The descriptors (`name@range`) the entry resolves. */
  descriptors: string[];
  name: string;
  version: string;
  integrity?: string | undefined;
  deps: YarnDep[];
  /** Names of peer dependencies: berry records them unresolved, the parent provides them. */
  peers: string[];
  field: string;
}

export interface YarnDep {
  name: string;
  descriptor: string;
  optional: boolean;
}

/** A project of the lockfile (the root or a workspace member) and the descriptors it depends on. */
export interface YarnProject {
  /** Folder relative to the lockfile's folder, `.` for the lockfile's own project. */
  path: string;
  name?: string | undefined;
  version?: string | undefined;
  license?: string | undefined;
  deps: (YarnDep & { dev: boolean })[];
}

/** `a@^1, a@^1.2` keys name several descriptors resolved to one entry. */
export function splitKey(key: string): string[] {
  return key
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
}

/** The package name of a descriptor `name@range` (the `@` of a scope is not the separator). */
export function descriptorName(descriptor: string): string | undefined {
  const at = descriptor.indexOf('@', 1);
  return at > 0 ? descriptor.slice(0, at) : undefined;
}
