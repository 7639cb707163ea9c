/**
 * Joins `render(item)` for every item with `sep`, flattening every ~256 KB into one string.
 *
 * Rendering 100,000 findings into one array of strings keeps every piece (and the pieces of each
 * template string) alive until the final join, so each young-generation collection copies all of
 * them: that copying cost as much as the rendering. Joined in chunks, the pieces die young and only
 * the chunks, which are large enough to live outside the young generation, are kept.
 */
const CHUNK_CHARS = 1 << 18;

export function joinMapped<T>(items: readonly T[], render: (item: T) => string, sep: string): string {
  const chunks: string[] = [];
  let pending: string[] = [];
  let size = 0;
  for (const item of items) {
    const s = render(item);
    pending.push(s);
    size += s.length;
    if (size >= CHUNK_CHARS) {
      chunks.push(pending.join(sep));
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) chunks.push(pending.join(sep));
  return chunks.join(sep);
}
