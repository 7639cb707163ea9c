/** The pnpm lockfile dialects: how package keys and dependency references are written. */
export type PnpmDialect = 'v5' | 'v6' | 'v9';

/** lockfileVersion values each dialect covers (pnpm 6-7 wrote 5.3/5.4, pnpm 8 wrote 6.0/6.1, pnpm 9+ write 9.0). */
export function dialectOf(lockfileVersion: unknown): PnpmDialect | undefined {
  const v = typeof lockfileVersion === 'number' ? lockfileVersion.toFixed(1) : lockfileVersion;
  if (v === '5.3' || v === '5.4') return 'v5';
  if (v === '6.0' || v === '6.1') return 'v6';
  if (v === '9.0') return 'v9';
  return undefined;
}

/**
 * The name and version a package key stands for, without the peer suffix that makes one package several keys:
 * v9 `name@1.0.0(peer@2.0.0)`, v6 `/name@1.0.0(peer@2.0.0)`, v5 `/name/1.0.0_peer@2.0.0`. Keys of non-registry
 * packages (`name@https://...tgz`, `name@file:x`) give their reference as version; the caller prefers the entry's
 * own `version` field, which pnpm writes for those.
 */
export function parseKey(key: string, dialect: PnpmDialect): { name: string; version: string } | undefined {
  let body = dialect === 'v9' ? key : key.replace(/^\//, '');
  const paren = body.indexOf('(');
  if (paren > 0) body = body.slice(0, paren);
  if (dialect === 'v5') {
    const scoped = body.startsWith('@');
    const parts = body.split('/');
    const nameParts = scoped ? 2 : 1;
    if (parts.length <= nameParts) return undefined;
    const name = parts.slice(0, nameParts).join('/');
    const version = parts.slice(nameParts).join('/').replace(/_.*$/, '');
    return version === '' ? undefined : { name, version };
  }
  const at = body.indexOf('@', 1);
  if (at < 0) return undefined;
  const name = body.slice(0, at);
  const version = body.slice(at + 1);
  return version === '' ? undefined : { name, version };
}

/**
 * The package key a dependency reference points at. References are a version (`1.0.0`, with a peer suffix in
 * v6/v9), an npm alias naming the real package (v9 `real@1.0.0`, v5/v6 `/real@1.0.0`), or a `link:` to another
 * importer, which is a project and not a package (undefined).
 */
export function keyOfReference(name: string, reference: string, dialect: PnpmDialect): string | undefined {
  if (reference.startsWith('link:')) return undefined;
  if (dialect === 'v9') {
    // An alias is `real@1.0.0`; a plain version never holds `@` before a peer suffix.
    const plain = reference.split('(')[0] ?? reference;
    return plain.includes('@') ? reference : `${name}@${reference}`;
  }
  if (reference.startsWith('/')) return reference;
  return dialect === 'v6' ? `/${name}@${reference}` : `/${name}/${reference}`;
}
