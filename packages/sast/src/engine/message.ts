import type { SgNode } from '@ast-grep/napi';

const METAVARIABLE = /\$\$\$([A-Z_][A-Z0-9_]*)|\$([A-Z_][A-Z0-9_]*)/g;
const MAX_VALUE = 80;

/** Code shown inside a sentence: one line, bounded, so a huge argument cannot flood a report. */
export function inlineCode(text: string, max = MAX_VALUE): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Replaces `$X` (one node) and `$$$X` (a node list) with the code they matched. A name that matched
 * nothing stays as written, which points the rule author at the typo.
 */
export function interpolate(message: string, lookup: (name: string, multi: boolean) => string | undefined): string {
  return message.replace(METAVARIABLE, (whole, multi: string | undefined, single: string | undefined) => {
    const value = multi !== undefined ? lookup(multi, true) : lookup(single ?? '', false);
    return value === undefined ? whole : inlineCode(value);
  });
}

/** Metavariable lookup against an ast-grep match. */
export function nodeLookup(node: SgNode): (name: string, multi: boolean) => string | undefined {
  return (name, multi) => {
    if (multi) {
      const nodes = node.getMultipleMatches(name);
      // The list holds the separators too (`a`, `,`, `b`): glue them back the way code is written.
      return nodes.length > 0 ? nodes.map((n) => n.text()).join(' ').replace(/\s+([,;])/g, '$1') : undefined;
    }
    return node.getMatch(name)?.text();
  };
}

/** The first sentence of a message, for a title when the rule has none. */
export function firstSentence(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  // A sentence ends before a capital, so `e.g. foo` or `a.b` inside a sentence does not cut it.
  const m = /^(.+?[.!?])(?=\s+[A-Z]|$)/.exec(flat);
  return inlineCode(m?.[1] ?? flat, 120);
}
