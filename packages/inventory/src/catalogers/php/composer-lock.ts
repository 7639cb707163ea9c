import { UserError } from '@rampart/core';
import type { Cataloger, CatalogInput, CatalogResult } from '../../cataloger.js';
import { hexHash } from '../../hashes.js';
import { normalizeLicenses } from '../../license.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package, RootComponent } from '../../types.js';

const EXPECTED = 'a composer.lock: a JSON object with a "packages" array';
// plugin-api-version is written since Composer 1.10 ("1.1.0"); Composer 2 writes 2.x. Older locks omit it.
const KNOWN_PLUGIN_API_MAJORS = new Set(['1', '2']);
const NAME = /^[a-z0-9]([_.-]?[a-z0-9]+)*\/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*$/i;

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Requirements on the PHP runtime, its extensions and Composer itself, which are not packages. */
function isPlatform(name: string): boolean {
  return /^(php(-64bit|-ipv6|-zts|-debug)?|hhvm|composer(-plugin-api|-runtime-api)?|ext-.+|lib-.+)$/i.test(name);
}

function parseJson(file: string, text: string, expected: string): Json {
  let doc: unknown;
  try {
    // composer.json is edited by hand; an editor's byte order mark is not JSON.
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`is not valid JSON: ${(e as Error).message}`, { file, expected });
  }
  if (!isRecord(doc)) throw new UserError('is not a JSON object', { file, expected });
  return doc;
}

function checkLock(file: string, doc: Json): void {
  if (!Array.isArray(doc.packages)) throw new UserError('is missing or not an array', { file, field: 'packages', expected: EXPECTED });
  if (doc['packages-dev'] !== undefined && doc['packages-dev'] !== null && !Array.isArray(doc['packages-dev'])) {
    throw new UserError('is not an array', { file, field: 'packages-dev', expected: EXPECTED });
  }
  const api = doc['plugin-api-version'];
  if (api !== undefined && (typeof api !== 'string' || !KNOWN_PLUGIN_API_MAJORS.has(api.split('.')[0] ?? ''))) {
    throw new UserError(`has plugin-api-version ${JSON.stringify(api)}, which this version of Rampart does not know`, {
      file,
      field: 'plugin-api-version',
      expected: '1.x or 2.x',
    });
  }
}

/** Composer's license array lists alternatives (https://getcomposer.org/doc/04-schema.md#license). */
function licenseOf(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const normalized = normalizeLicenses(list.map((l) => (typeof l === 'string' ? l : undefined)));
  if (normalized.length <= 1) return normalized;
  return [normalized.map((l) => (/\s/.test(l) ? `(${l})` : l)).join(' OR ')];
}

function keysOf(v: unknown): string[] {
  return isRecord(v) ? Object.keys(v).filter((k) => !isPlatform(k)).map((k) => k.toLowerCase()) : [];
}

interface Entry {
  pkg: Package;
  requires: string[];
  provides: string[];
}

function readEntry(file: string, raw: unknown, dev: boolean): Entry | string {
  if (!isRecord(raw)) return 'a package entry is not an object';
  const { name, version } = raw;
  if (typeof name !== 'string' || !NAME.test(name) || typeof version !== 'string' || !/^\S+$/.test(version)) {
    return `package ${JSON.stringify(name)} has no vendor/name or no version`;
  }
  const dist = isRecord(raw.dist) ? raw.dist : {};
  const hash = hexHash(typeof dist.shasum === 'string' ? dist.shasum : undefined, 'sha1');
  const lower = name.toLowerCase();
  return {
    pkg: { purl: makePurl('composer', lower, version), name: lower, version, ecosystem: 'composer', licenses: licenseOf(raw.license), hashes: hash ? [hash] : [], direct: false, dev, locations: [file], dependsOn: [] },
    requires: keysOf(raw.require),
    provides: [...keysOf(raw.provide), ...keysOf(raw.replace)],
  };
}

interface Manifest {
  root?: { name: string; version?: string; licenses: string[] };
  direct: string[];
}

async function readManifest(input: CatalogInput): Promise<Manifest | undefined> {
  const path = input.path.replace(/composer\.lock$/, 'composer.json');
  if (!(await input.fs.exists(path))) return undefined;
  const doc = parseJson(path, await input.fs.readText(path), 'a composer.json object');
  const name = typeof doc.name === 'string' && NAME.test(doc.name) ? doc.name.toLowerCase() : undefined;
  const version = typeof doc.version === 'string' && doc.version !== '' ? doc.version : undefined;
  return {
    ...(name ? { root: { name, ...(version ? { version } : {}), licenses: licenseOf(doc.license) } } : {}),
    direct: [...keysOf(doc.require), ...keysOf(doc['require-dev'])],
  };
}

export const composerLockCataloger: Cataloger = {
  id: 'php-composer-lock',
  ecosystem: 'composer',
  files: 'composer.lock (packages, packages-dev), with composer.json beside it for the root',
  claims: (path) => path === 'composer.lock' || path.endsWith('/composer.lock'),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const doc = parseJson(file, await input.text(), EXPECTED);
    checkLock(file, doc);
    const problems: InventoryProblem[] = [];
    const entries: Entry[] = [];
    const sections: [unknown, boolean][] = [[doc.packages, false], [doc['packages-dev'], true]];
    for (const [list, dev] of sections) {
      for (const raw of Array.isArray(list) ? list : []) {
        const e = readEntry(file, raw, dev);
        if (typeof e === 'string') problems.push({ file, message: e });
        else entries.push(e);
      }
    }
    // A requirement may be met by a package that provides or replaces the name (psr/log-implementation ...).
    const byName = new Map<string, string[]>();
    const add = (name: string, purl: string) => byName.set(name, [...new Set([...(byName.get(name) ?? []), purl])]);
    for (const e of entries) add(e.pkg.name, e.pkg.purl);
    const real = new Set(entries.map((e) => e.pkg.name));
    for (const e of entries) for (const p of e.provides) if (!real.has(p)) add(p, e.pkg.purl);
    const resolve = (names: string[], self?: string) => [...new Set(names.flatMap((n) => byName.get(n) ?? []))].filter((p) => p !== self);
    for (const e of entries) e.pkg.dependsOn = resolve(e.requires, e.pkg.purl);
    const manifest = await readManifest(input);
    const depended = new Set(entries.flatMap((e) => e.pkg.dependsOn));
    // Without composer.json, the packages nothing else requires are the best guess at the direct ones.
    const direct = manifest ? new Set(resolve(manifest.direct)) : new Set(entries.map((e) => e.pkg.purl).filter((p) => !depended.has(p)));
    for (const e of entries) e.pkg.direct = direct.has(e.pkg.purl);
    let root: RootComponent | undefined;
    if (manifest?.root) {
      const { name, version, licenses } = manifest.root;
      const purl = makePurl('composer', name, version);
      root = { ref: purl, name, ...(version ? { version } : {}), ecosystem: 'composer', purl, manifest: file, ...(licenses.length > 0 ? { licenses } : {}), dependsOn: [...direct] };
    }
    return { ...(root ? { root } : {}), packages: entries.map((e) => e.pkg), problems };
  },
};
