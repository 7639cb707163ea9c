/** One alternative of a dependency: `libssl3 (>= 3.0.0)` -> `libssl3`, `python3:any` -> `python3`. */
function relationName(text: string): string | undefined {
  const m = /^\s*([a-z0-9][a-z0-9+.-]*)/i.exec(text);
  return m?.[1]?.toLowerCase();
}

/**
 * Parses a Depends-style field (`a (>= 1), b | c, d:any [amd64]`) into groups of alternative names. Version
 * constraints, architecture qualifiers and restrictions are dropped: an installed system already satisfied them.
 */
export function parseRelations(field: string | undefined): string[][] {
  if (!field) return [];
  return field
    .split(',')
    .map((group) => group.split('|').map(relationName).filter((n): n is string => n !== undefined))
    .filter((group) => group.length > 0);
}

/** Installed package names and what their `Provides:` fields offer, to resolve virtual packages. */
export interface Installed {
  /** name -> purls of the installed packages with that name (one per architecture). */
  byName: Map<string, string[]>;
  /** virtual name -> purls of installed packages providing it. */
  providers: Map<string, string[]>;
}

/**
 * The purls a package depends on: for each group the first alternative that is installed (itself, or through a
 * provider). A group none of whose alternatives is installed is left out rather than guessed.
 */
export function resolveRelations(groups: string[][], installed: Installed, self: string): string[] {
  const out: string[] = [];
  for (const group of groups) {
    for (const name of group) {
      const hit = installed.byName.get(name)?.[0] ?? installed.providers.get(name)?.[0];
      if (hit) {
        if (hit !== self && !out.includes(hit)) out.push(hit);
        break;
      }
    }
  }
  return out;
}
