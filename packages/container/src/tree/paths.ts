/**
 * Normalises a tar entry name to a path relative to the image root with `/` separators, as container runtimes do:
 * leading `/` and `./` are dropped (an absolute name lands inside the image, never on the host). Returns undefined
 * for the root itself and `null` when `..` components climb above the root.
 */
export function normalizeEntryName(name: string): string | undefined | null {
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(part);
  }
  return out.length === 0 ? undefined : out.join('/');
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}
