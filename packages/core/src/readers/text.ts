/** Trimmed text, or undefined when there is nothing in it. */
export function nonEmpty(s: string | null | undefined): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  return t === '' ? undefined : t;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+[0-9]*);/gi, (m, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16), m);
    if (lower.startsWith('#')) return safeCodePoint(Number.parseInt(lower.slice(1), 10), m);
    return ENTITIES[lower] ?? m;
  });
}

function safeCodePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

/**
 * ZAP's traditional reports wrap every line of a description in `<p>`; turn that into plain
 * paragraphs separated by blank lines, and drop any other markup.
 */
export function htmlToParagraphs(html: string | null | undefined): string[] {
  if (typeof html !== 'string') return [];
  return html
    .split(/<\/p>|<br\s*\/?>|\r?\n/i)
    .map((p) => decodeEntities(p.replace(/<[^>]*>/g, '')).trim())
    .filter((p) => p !== '');
}

/** The first sentence (or the whole text if short), for a title when a tool gives none. */
export function firstSentence(text: string, max = 120): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  const end = line.search(/[.!?](\s|$)/);
  const sentence = end > 0 ? line.slice(0, end) : line;
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
}

/** Markdown bullet list of links, without duplicates; undefined when there are none. */
export function linkList(urls: readonly (string | null | undefined)[]): string | undefined {
  const unique = [...new Set(urls.map((u) => nonEmpty(u)).filter((u): u is string => u !== undefined))];
  return unique.length === 0 ? undefined : unique.map((u) => `- ${u}`).join('\n');
}

/** Joins markdown sections, each with an optional bold heading, skipping empty ones. */
export function sections(parts: readonly { heading?: string; body: string | undefined }[]): string | undefined {
  const out = parts
    .filter((p): p is { heading?: string; body: string } => p.body !== undefined && p.body.trim() !== '')
    .map((p) => (p.heading ? `**${p.heading}**\n\n${p.body.trim()}` : p.body.trim()));
  return out.length === 0 ? undefined : out.join('\n\n');
}
