/** Reading tool-recorded errors out of a report without trusting its shape. */
export function recordOf(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function textOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** `doc.errors` as records; anything else is no errors. */
export function errorEntries(doc: unknown): Record<string, unknown>[] {
  const errors = recordOf(doc)?.['errors'];
  return Array.isArray(errors) ? errors.map(recordOf).filter((e): e is Record<string, unknown> => e !== undefined) : [];
}
