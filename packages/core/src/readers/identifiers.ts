import type { Identifier } from '../model/finding.js';

/**
 * CWE ids arrive as `79`, `"CWE-79"`, `"CWE-79: Improper Neutralization..."` (Semgrep),
 * `"external/cwe/cwe-079"` (CodeQL tags) or `"-1"` (ZAP, meaning none).
 */
export function cweIdentifier(raw: string | number | null | undefined): Identifier | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = String(raw).trim();
  const match = /^(?:external\/cwe\/)?(?:cwe[-_ ]?)?0*(\d+)(?:\b|$)/i.exec(text);
  if (!match?.[1]) return undefined;
  // Only a bare number or something that says CWE counts; "A03:2021" must not become CWE-3.
  if (!/^\d+$/.test(text) && !/cwe/i.test(text)) return undefined;
  const n = Number.parseInt(match[1], 10);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return { type: 'cwe', value: `CWE-${n}`, url: `https://cwe.mitre.org/data/definitions/${n}.html` };
}

/** OWASP Top 10 entries like `A03:2021 - Injection` or `OWASP-A03:2021`; the code is the value. */
export function owaspIdentifier(raw: string | null | undefined): Identifier | undefined {
  if (typeof raw !== 'string') return undefined;
  const match = /\bA(\d{1,2}):(\d{4})\b/i.exec(raw);
  // Old Semgrep rules write "A1: Injection" with no year; the text is still the best identifier there is.
  if (!match && /^(OWASP-)?A\d{1,2}:\s*\S/i.test(raw.trim())) return { type: 'owasp', value: raw.trim().replace(/^OWASP-/i, '') };
  if (!match?.[1] || !match[2]) return undefined;
  const code = `A${match[1].padStart(2, '0')}:${match[2]}`;
  return { type: 'owasp', value: code };
}

const OSV_PREFIXES = /^(PYSEC|RUSTSEC|GO|GSD|OSV|MAL|UVI|CURL|BIT|PSF|DRUPAL|HSEC|RSEC|ROOT)-/i;

/** A vulnerability id as Trivy, Grype and npm report them: CVE, GHSA, OSV-native, or a vendor advisory. */
export function advisoryIdentifier(raw: string | null | undefined, url?: string): Identifier | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const id = raw.trim();
  const withUrl = (i: Identifier): Identifier => (url ? { ...i, url } : i);
  if (/^CVE-\d{4}-\d+$/i.test(id)) {
    const value = id.toUpperCase();
    return withUrl({ type: 'cve', value, url: `https://nvd.nist.gov/vuln/detail/${value}` });
  }
  if (/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i.test(id)) {
    const value = `GHSA-${id.slice(5).toLowerCase()}`;
    return withUrl({ type: 'ghsa', value, url: `https://github.com/advisories/${value}` });
  }
  if (OSV_PREFIXES.test(id)) return withUrl({ type: 'osv', value: id, url: `https://osv.dev/vulnerability/${id}` });
  return withUrl({ type: 'advisory', value: id });
}

/** The GHSA id inside a GitHub advisory URL (npm audit v7 only gives the URL). */
export function ghsaFromUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  return /\/advisories\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/i.exec(url)?.[1];
}

/** First of each (type, value) wins, so the most specific source (with a URL) should come first. */
export function uniqueIdentifiers(list: readonly (Identifier | undefined)[]): Identifier[] {
  const seen = new Set<string>();
  const out: Identifier[] = [];
  for (const id of list) {
    if (!id || id.value.trim() === '') continue;
    const key = `${id.type.toLowerCase()}\0${id.value.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(id);
  }
  return out;
}
