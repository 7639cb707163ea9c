/**
 * End of security support per distribution release: the last day anyone in the project ships security fixes.
 *
 * Sources (checked November 2026):
 * - Debian: the LTS team's end dates (wiki.debian.org/LTS; announcements on debian-lts-announce), since Debian
 *   itself keeps fixing these releases until then. Paid Extended LTS (Freexian) is not counted.
 * - Alpine: the end of the `main` repository's support per branch, from alpinelinux.org/releases.
 * - Ubuntu: the end of standard support of LTS releases (ubuntu.com/about/release-cycle); Ubuntu Pro/ESM is paid and
 *   not counted. Interim (non-LTS) releases live nine months and are not listed: they count as unknown.
 */
export const EOL_DATES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  debian: {
    '8': '2020-06-30',
    '9': '2022-06-30',
    '10': '2024-06-30',
    '11': '2026-08-31',
    '12': '2028-06-30',
  },
  alpine: {
    '3.12': '2022-05-01',
    '3.13': '2022-11-01',
    '3.14': '2023-05-01',
    '3.15': '2023-11-01',
    '3.16': '2024-05-23',
    '3.17': '2024-11-22',
    '3.18': '2025-05-09',
    '3.19': '2025-11-01',
    '3.20': '2026-04-01',
    '3.21': '2026-11-01',
    '3.22': '2027-05-01',
    '3.23': '2027-11-01',
  },
  ubuntu: {
    '16.04': '2021-04-30',
    '18.04': '2023-05-31',
    '20.04': '2025-05-31',
    '22.04': '2027-06-01',
    '24.04': '2029-05-31',
  },
};

/** The release key the table uses: Debian's major version, Alpine's branch (`3.19.1` -> `3.19`), Ubuntu's as is. */
export function releaseKey(id: string, versionId: string): string {
  if (id === 'debian') return versionId.split('.')[0] ?? versionId;
  if (id === 'alpine') return versionId.split('.').slice(0, 2).join('.');
  return versionId;
}

export function eolDate(id: string, versionId: string | undefined): string | undefined {
  if (!versionId) return undefined;
  return EOL_DATES[id]?.[releaseKey(id, versionId)];
}
