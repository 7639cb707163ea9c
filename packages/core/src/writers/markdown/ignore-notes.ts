import type { Notification } from '../../model/run.js';

export type IgnoreNoteKind = 'expired' | 'unused';

/**
 * Notes about `.rampart.yml` ignores, recognised by wording because notifications travel through
 * findings.json and `rampart merge` as plain level + message. The wording is ignoreNotifications'
 * (policy/ignores.ts); a test feeds its output through here so the two cannot drift apart.
 */
export function ignoreNoteKind(note: Notification): IgnoreNoteKind | undefined {
  if (!/^Ignore (entry|for)\b/.test(note.message)) return undefined;
  if (/\bexpired on\b|\bno longer applies\b/.test(note.message)) return 'expired';
  if (/\bmatched (no finding|nothing)\b/.test(note.message)) return 'unused';
  return undefined;
}

export interface SplitNotes {
  ignores: { kind: IgnoreNoteKind; note: Notification }[];
  other: Notification[];
}

export function splitIgnoreNotes(notes: readonly Notification[]): SplitNotes {
  const out: SplitNotes = { ignores: [], other: [] };
  for (const note of notes) {
    const kind = ignoreNoteKind(note);
    if (kind === undefined) out.other.push(note);
    else out.ignores.push({ kind, note });
  }
  // Expired entries first: they stopped hiding findings, which matters more than dead config.
  out.ignores.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'expired' ? -1 : 1));
  return out;
}
