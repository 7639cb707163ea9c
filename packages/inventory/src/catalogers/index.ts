import type { Cataloger } from '../cataloger.js';
import { apkCatalogers } from './apk/index.js';
import { dotnetCatalogers } from './dotnet/index.js';
import { dpkgCatalogers } from './dpkg/index.js';
import { goCatalogers } from './go/index.js';
import { javaCatalogers } from './java/index.js';
import { javascriptCatalogers } from './javascript/index.js';
import { phpCatalogers } from './php/index.js';
import { pythonCatalogers } from './python/index.js';
import { rpmCatalogers } from './rpm/index.js';
import { rubyCatalogers } from './ruby/index.js';
import { rustCatalogers } from './rust/index.js';

/**
 * Every cataloger, in one list. Each ecosystem folder exports its own list and is added here;
 * `contract.test.ts` fails when a folder's cataloger is missing from this registry.
 */
export const CATALOGERS: readonly Cataloger[] = [
  ...javascriptCatalogers,
  ...pythonCatalogers,
  ...goCatalogers,
  ...rustCatalogers,
  ...rubyCatalogers,
  ...phpCatalogers,
  ...javaCatalogers,
  ...dotnetCatalogers,
  ...dpkgCatalogers,
  ...apkCatalogers,
  ...rpmCatalogers,
];

export function catalogerById(id: string): Cataloger | undefined {
  return CATALOGERS.find((c) => c.id === id);
}
