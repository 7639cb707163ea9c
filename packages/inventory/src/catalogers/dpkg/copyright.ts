import { normalizeLicense } from '../../license.js';

/**
 * Debian's short license names (DEP-5, "License Specification") that differ from SPDX ids. `GPL-2` means exactly
 * version 2 and a trailing `+` means "or later", which SPDX spells `-only` and `-or-later`.
 */
const VERSIONED = /^(A?GPL|LGPL|GFDL)-(\d(?:\.\d)?)(\+)?$/i;
const RENAMED: Record<string, string> = {
  expat: 'MIT',
  'bsd-2-clause': 'BSD-2-Clause',
  'bsd-3-clause': 'BSD-3-Clause',
  'bsd-4-clause': 'BSD-4-Clause',
  'zlib': 'Zlib',
  'artistic': 'Artistic-1.0-Perl',
  'apache-2.0': 'Apache-2.0',
  'mpl-2.0': 'MPL-2.0',
  'isc': 'ISC',
};

function debianToSpdx(short: string): string | undefined {
  const v = VERSIONED.exec(short);
  if (v?.[1] && v[2]) {
    const version = v[2].includes('.') ? v[2] : `${v[2]}.0`;
    return `${v[1].toUpperCase()}-${version}-${v[3] ? 'or-later' : 'only'}`;
  }
  const renamed = RENAMED[short.toLowerCase()];
  return renamed ?? normalizeLicense(short);
}

/**
 * The licenses a machine-readable (DEP-5) copyright file declares, each `License:` short name mapped to SPDX; names
 * that are not SPDX (`public-domain`, `permissive`, free text) are dropped. A copyright file that is not DEP-5 is
 * free text and yields nothing rather than a guess.
 */
export function copyrightLicenses(text: string): string[] {
  if (!/^Format:\s*\S*copyright-format/i.test(text.trimStart())) return [];
  const out: string[] = [];
  for (const m of text.matchAll(/^License:[ \t]*([^\n]+)$/gim)) {
    const expr = m[1]?.trim() ?? '';
    for (const part of expr.split(/\s+(?:or|and)\s+|\s*,\s*/i)) {
      const spdx = debianToSpdx(part.trim());
      if (spdx && !out.includes(spdx)) out.push(spdx);
    }
  }
  return out;
}
