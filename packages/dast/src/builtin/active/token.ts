import { randomBytes } from 'node:crypto';

/**
 * A unique marker for one payload: lower-case letters and digits only, so no encoding or escaping changes it and a
 * page cannot contain it by chance.
 */
export function canaryToken(prefix = 'rmp'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/** A small random integer for payloads whose evaluated result must differ from their text. */
export function randomInt(min: number, max: number): number {
  return min + (randomBytes(2).readUInt16BE(0) % (max - min + 1));
}
