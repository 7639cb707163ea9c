import { UserError } from '@rampart/core';
import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { normalizeLicense } from '../../license.js';
import { distroQualifier, readOsRelease } from '../../os-release.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package } from '../../types.js';

const INSTALLED = /(^|\/)lib\/apk\/db\/installed$/;

/** One package record: single-letter keys, repeated for the file list (F:, R:, Z: ...), so values are lists. */
type Stanza = { fields: Map<string, string[]>; line: number };

/**
 * Splits apk-tools' installed database into records: `K:value` lines, records separated by blank lines (the format
 * apk's `apk_db_index_read` writes, documented on the Alpine wiki's "Apk spec" page). A line of any other shape
 * means the file is not an installed database.
 */
export function parseInstalledDb(text: string, file: string): Stanza[] {
  const out: Stanza[] = [];
  let current: Stanza | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line === '') {
      current = undefined;
      continue;
    }
    if (!/^[A-Za-z]:/.test(line)) {
      throw new UserError(`not an apk database line: ${JSON.stringify(line.slice(0, 60))}`, {
        file,
        line: i + 1,
        expected: 'lines of the form "K:value" (apk installed database)',
      });
    }
    if (!current) {
      current = { fields: new Map(), line: i + 1 };
      out.push(current);
    }
    const key = line[0] as string;
    const list = current.fields.get(key) ?? [];
    list.push(line.slice(2));
    current.fields.set(key, list);
  }
  return out;
}

/** `so:libc.musl-x86_64.so.1`, `busybox>=1.36`, `!conflict` -> the name a provider offers (without version). */
function dependencyName(token: string): string | undefined {
  if (token.startsWith('!')) return undefined;
  const name = token.split(/[<>=~]/)[0];
  return name ? name : undefined;
}

/**
 * Alpine's L: holds an SPDX expression today; older packages list ids separated by spaces, which must be split
 * first (read whole, "MIT BSD" would be "corrected" to a single license).
 */
function licensesOf(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  const tokens = raw.trim().split(/\s+/);
  const isExpression = tokens.length === 1 || tokens.some((t) => /^(AND|OR|WITH)$/i.test(t));
  const parts = isExpression ? [normalizeLicense(raw)] : tokens.map((t) => normalizeLicense(t));
  return [...new Set(parts.filter((t): t is string => t !== undefined))];
}

interface Entry {
  pkg: Package;
  deps: string[];
}

function entryOf(s: Stanza, file: string, distro: string | undefined, namespace: string): Entry | InventoryProblem {
  const first = (k: string) => s.fields.get(k)?.[0];
  const name = first('P');
  const version = first('V');
  if (!name || !version) return { file, message: `record at line ${s.line} has no ${name ? 'V:' : 'P:'} field; skipped` };
  const qualifiers: Record<string, string> = {};
  const arch = first('A');
  if (arch) qualifiers.arch = arch;
  const origin = first('o');
  if (origin && origin !== name) qualifiers.upstream = origin;
  if (distro) qualifiers.distro = distro;
  const pkg: Package = {
    purl: makePurl('apk', name, version, qualifiers, namespace),
    name,
    version,
    ecosystem: 'apk',
    licenses: licensesOf(first('L')),
    hashes: [],
    direct: false,
    dev: false,
    locations: [file],
    dependsOn: [],
  };
  const deps = (first('D') ?? '').split(/\s+/).map(dependencyName).filter((d): d is string => d !== undefined);
  return { pkg, deps };
}

/** name and every `p:` provide (`so:libcrypto.so.3=3.1.4-r5`, `cmd:openssl`) -> the package's purl. */
function providers(entries: Map<Stanza, Entry>): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries.values()) out.set(e.pkg.name, e.pkg.purl);
  for (const [stanza, e] of entries) {
    for (const token of (stanza.fields.get('p')?.[0] ?? '').split(/\s+/)) {
      const name = dependencyName(token);
      if (name && !out.has(name)) out.set(name, e.pkg.purl);
    }
  }
  return out;
}

/**
 * Alpine's installed database (`lib/apk/db/installed`). Edges follow D: through names and through what packages
 * provide (p:), which is how apk resolves `so:` and `cmd:` dependencies; unresolvable ones are left out.
 */
export const apkInstalledCataloger: Cataloger = {
  id: 'apk-installed',
  ecosystem: 'apk',
  files: 'lib/apk/db/installed (Alpine, Wolfi, Chainguard)',
  claims: (path) => INSTALLED.test(path),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const text = await input.text();
    const stanzas = parseInstalledDb(text, file);
    if (text.trim() !== '' && !stanzas.some((s) => s.fields.has('P'))) {
      throw new UserError('no package records', { file, field: 'P', expected: 'an apk installed database' });
    }
    const os = await readOsRelease(input.fs, file.slice(0, file.lastIndexOf('lib/apk/db/installed')));
    const problems: InventoryProblem[] = [];
    const entries = new Map<Stanza, Entry>();
    for (const s of stanzas) {
      const e = entryOf(s, file, distroQualifier(os), os?.id ?? 'alpine');
      if ('message' in e) problems.push(e);
      else entries.set(s, e);
    }
    const provided = providers(entries);
    for (const e of entries.values()) {
      const deps = e.deps.map((d) => provided.get(d)).filter((p): p is string => p !== undefined && p !== e.pkg.purl);
      e.pkg.dependsOn = [...new Set(deps)];
    }
    return { packages: [...entries.values()].map((e) => e.pkg), problems };
  },
};
