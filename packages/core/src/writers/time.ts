import { UserError } from '../errors.js';

/** An invalid Date would otherwise surface as a bare RangeError deep inside a writer. */
export function isoUtc(d: Date, field: string): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new UserError('not a valid date', { file: 'scan run', field, expected: 'a Date' });
  }
  return d.toISOString();
}

/** GitLab wants `YYYY-MM-DDTHH:MM:SS` in UTC, without fraction or zone. */
export function gitlabTime(d: Date, field: string): string {
  return isoUtc(d, field).slice(0, 19);
}
