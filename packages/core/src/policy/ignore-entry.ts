import { UserError } from '../errors.js';

/**
 * One entry of `ignore:` in `.rampart.yml`. At least one of `id`, `fingerprint` and `path`; when
 * several are given, all must match.
 */
export interface IgnoreEntry {
  /** A rule id or any identifier value (CVE, GHSA, CWE...), compared case-insensitively. */
  id?: string;
  fingerprint?: string;
  /** A glob matched against the source path, the package finding's file, or a URL's path. */
  path?: string;
  reason: string;
  /** `YYYY-MM-DD`; the entry applies through the end of that day, UTC. */
  expires?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The first instant at which an entry expiring on `date` no longer applies (the start of the next
 * UTC day), or undefined when `date` is not a real calendar date.
 */
export function expiryInstant(date: string): number | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = Date.UTC(y, mo - 1, d);
  const check = new Date(start);
  // Date.UTC rolls 2024-02-30 over into March; a rolled-over date was not a real one.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return Date.UTC(y, mo - 1, d + 1);
}

export function isExpired(entry: IgnoreEntry, now: Date): boolean {
  if (entry.expires === undefined) return false;
  const end = expiryInstant(entry.expires);
  return end !== undefined && now.getTime() >= end;
}

/** A short, recognisable description of an entry for messages: `id CVE-2021-1 path src/**`. */
export function describeIgnore(entry: IgnoreEntry): string {
  const parts: string[] = [];
  if (entry.id !== undefined) parts.push(`id ${entry.id}`);
  if (entry.fingerprint !== undefined) parts.push(`fingerprint ${entry.fingerprint}`);
  if (entry.path !== undefined) parts.push(`path ${entry.path}`);
  return parts.join(' ');
}

/**
 * Entries normally come through the config schema, but callers may build them from flags or other
 * files; a malformed one must not silently match nothing or everything.
 */
export function checkIgnoreEntry(entry: IgnoreEntry, index: number, file?: string): void {
  const where = (field: string, expected: string) => ({
    ...(file !== undefined ? { file } : {}),
    field: `ignore[${index}]${field}`,
    expected,
  });
  if (entry.id === undefined && entry.fingerprint === undefined && entry.path === undefined) {
    throw new UserError('ignore entry matches nothing', where('', 'at least one of id, fingerprint, path'));
  }
  for (const key of ['id', 'fingerprint', 'path'] as const) {
    const v = entry[key];
    if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) {
      throw new UserError(`${key} is empty`, where(`.${key}`, 'a non-empty string'));
    }
  }
  if (typeof entry.reason !== 'string' || entry.reason.trim() === '') {
    throw new UserError('ignore entry has no reason', where('.reason', 'a non-empty reason'));
  }
  if (entry.expires !== undefined && expiryInstant(entry.expires) === undefined) {
    throw new UserError(`"${String(entry.expires)}" is not a date`, where('.expires', 'a date YYYY-MM-DD'));
  }
}
