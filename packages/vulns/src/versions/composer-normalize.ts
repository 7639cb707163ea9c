/**
 * Composer's `VersionParser::normalize` for the versions an advisory can name
 * (https://getcomposer.org/doc/articles/versions.md): an optional `v`; up to four numbers (missing ones become 0);
 * or a date-like version; then an optional stability suffix (`alpha`/`a`, `beta`/`b`, `RC`, `patch`/`pl`/`p`,
 * each with numbers) and `-dev`; `+build` metadata is dropped; `1.x-dev` branches become `1.9999999.9999999.9999999-dev`.
 * Named branches (`dev-main`) have no order, so they are not versions here.
 */
const MODIFIER = '[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*)?)?([.-]?dev)?';
const CLASSICAL = new RegExp(`^v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?${MODIFIER}$`, 'i');
const DATE = new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})${MODIFIER}$`, 'i');
const BRANCH = /^v?(\d+)(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?[.-]?dev$/i;

function expandStability(stability: string): string {
  const s = stability.toLowerCase();
  return ({ a: 'alpha', b: 'beta', p: 'patch', pl: 'patch', rc: 'RC' } as Record<string, string>)[s] ?? s;
}

function withModifier(version: string, stability: string | undefined, numbers: string | undefined, dev: string | undefined): string {
  let out = version;
  if (stability) {
    if (stability === 'stable') return out;
    out += `-${expandStability(stability)}${(numbers ?? '').replace(/^[.-]+/, '')}`;
  }
  return dev ? `${out}-dev` : out;
}

export function normalizeComposer(input: string): string | undefined {
  if (/^dev-/i.test(input) || /\s/.test(input)) return undefined;
  const version = input.replace(/^([^,+]+)\+\S+$/, '$1');
  const classical = CLASSICAL.exec(version);
  if (classical) {
    const [, major, minor, patch, build, stability, numbers, dev] = classical;
    return withModifier(`${major}${minor || '.0'}${patch || '.0'}${build || '.0'}`, stability, numbers, dev);
  }
  const date = DATE.exec(version);
  if (date) {
    const [, digits = '', stability, numbers, dev] = date;
    return withModifier(digits.replace(/\D/g, '.'), stability, numbers, dev);
  }
  const branch = BRANCH.exec(version);
  if (branch) {
    const parts = [branch[1], branch[2], branch[3], branch[4]].map((p, i) => (i === 0 ? p : (p ?? '.x').replace(/[X*]/, 'x')));
    return `${parts.join('').replace(/x/g, '9999999')}-dev`;
  }
  return undefined;
}
