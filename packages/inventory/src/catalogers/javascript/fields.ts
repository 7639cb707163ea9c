import { UserError } from '@rampart/core';

/** A JSON/YAML object as lockfiles hold them: anything may be missing or of the wrong type. */
export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `field`, or a UserError naming the file and the field, so a truncated lockfile is never half-read. */
export function recordAt(value: unknown, file: string, field: string): Json {
  if (!isRecord(value)) throw new UserError('is not an object', { file, field, expected: 'an object' });
  return value;
}

/** Like `recordAt`, but a missing field is an empty object: lockfiles omit empty maps. */
export function optionalRecordAt(value: unknown, file: string, field: string): Json {
  return value === undefined || value === null ? {} : recordAt(value, file, field);
}

export function optionalString(value: unknown, file: string, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new UserError('is not a string', { file, field, expected: 'a string' });
  return value;
}

/** Dependency maps (`name -> range`); a value that is not a string is the lockfile's error, not ours to guess. */
export function dependencyNames(value: unknown, file: string, field: string): string[] {
  const map = optionalRecordAt(value, file, field);
  for (const [name, range] of Object.entries(map)) {
    if (typeof range !== 'string') {
      throw new UserError('dependency range is not a string', { file, field: `${field}.${name}`, expected: 'a string' });
    }
  }
  return Object.keys(map);
}

/** `dir/file` for a file beside the lockfile at `path`. */
export function siblingPath(path: string, file: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? file : `${path.slice(0, slash)}/${file}`;
}
