import spdxCorrect from 'spdx-correct';
import parseSpdx from 'spdx-expression-parse';

/**
 * Turns what a manifest says about its license into an SPDX expression, or undefined when it cannot.
 * Valid expressions are kept; common misspellings (`Apache 2.0`, `MIT License`, `GPLv3`) are corrected with
 * spdx-correct; anything else (`SEE LICENSE IN ...`, `UNLICENSED`, free text) is not an SPDX id and is dropped,
 * because an SBOM that claims a wrong license is worse than one that says nothing.
 */
export function normalizeLicense(raw: string | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = raw.trim().replace(/^\((.*)\)$/s, '$1').trim();
  if (text === '' || /^(unlicensed|unknown|none|n\/a|proprietary)$/i.test(text)) return undefined;
  if (/^see licen[sc]e in /i.test(text)) return undefined;
  try {
    parseSpdx(text);
    return text;
  } catch {
    // not a valid expression as written; try to correct it below
  }
  // Split first: spdx-correct reads "MIT/Apache-2.0" as just "Apache-2.0", which would drop a license.
  const parts = text.split(/\s+(?:or|OR)\s+|\s*\/\s*/);
  if (parts.length > 1) {
    const fixed = parts.map((p) => correct(p.trim()));
    if (fixed.every((p): p is string => typeof p === 'string')) return fixed.join(' OR ');
    return undefined;
  }
  return correct(text);
}

/** spdx-correct throws on some inputs (an empty string after trimming, odd Unicode); none of them is a license. */
function correct(text: string): string | undefined {
  try {
    return spdxCorrect(text, { upgrade: true }) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Normalises a list of license strings, dropping what is not SPDX and duplicates, keeping the first order. */
export function normalizeLicenses(raw: readonly (string | undefined | null)[]): string[] {
  const out: string[] = [];
  for (const r of raw) {
    const n = normalizeLicense(r);
    if (n !== undefined && !out.includes(n)) out.push(n);
  }
  return out;
}
