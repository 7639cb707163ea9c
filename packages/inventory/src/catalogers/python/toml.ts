import { UserError } from '@rampart/core';
import { parse as parseToml } from 'smol-toml';
import { assertText } from './text.js';

/** Parses a TOML lockfile, turning every way it can fail into a UserError that names the file. */
export function parseTomlFile(file: string, text: string, expected: string): Record<string, unknown> {
  assertText(file, text, expected);
  try {
    return parseToml(text);
  } catch (e) {
    const first = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    throw new UserError(`is not valid TOML: ${first}`, { file, expected });
  }
}
