import { UserError } from '@rampart/core';
import parseSpdx from 'spdx-expression-parse';
import { normalizeLicense } from '../../license.js';
import { assertText } from './text.js';

// Core metadata versions (https://packaging.python.org/en/latest/specifications/core-metadata/).
const KNOWN_METADATA_VERSIONS = new Set(['1.0', '1.1', '1.2', '2.0', '2.1', '2.2', '2.3', '2.4']);
const EXPECTED = 'Python core metadata: RFC 822 headers with Metadata-Version, Name and Version';

/** Header name (lower-cased) -> values in file order; headers such as Classifier repeat. */
export type Headers = Map<string, string[]>;

/** Reads the RFC 822 header block; the body after the first blank line is the long description and is ignored. */
export function parseHeaders(file: string, raw: string): Headers {
  // A byte order mark is not part of the first header.
  const text = raw.replace(/^\uFEFF/, '');
  assertText(file, text, EXPECTED);
  const headers: Headers = new Map();
  let last: { key: string; index: number } | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') break;
    if (/^[ \t]/.test(line) && last) {
      // A folded header (setuptools indents multi-line License text with spaces or `|`).
      const values = headers.get(last.key) ?? [];
      values[last.index] = `${values[last.index] ?? ''}\n${line.trim().replace(/^\|/, '')}`;
      continue;
    }
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]?(.*)$/.exec(line);
    if (!m?.[1]) throw new UserError('is not an RFC 822 header', { file, line: i + 1, expected: EXPECTED });
    const key = m[1].toLowerCase();
    const values = headers.get(key) ?? [];
    values.push((m[2] ?? '').trim());
    headers.set(key, values);
    last = { key, index: values.length - 1 };
  }
  return headers;
}

export function requireHeader(file: string, headers: Headers, name: string): string {
  const value = headers.get(name.toLowerCase())?.[0];
  if (value === undefined || value === '') {
    throw new UserError(`has no ${name} header`, { file, field: name, expected: EXPECTED });
  }
  return value;
}

export function checkMetadataVersion(file: string, headers: Headers): void {
  const version = requireHeader(file, headers, 'Metadata-Version');
  if (!KNOWN_METADATA_VERSIONS.has(version)) {
    throw new UserError(`has Metadata-Version ${version}, which this version of Rampart does not know`, {
      file,
      field: 'Metadata-Version',
      expected: [...KNOWN_METADATA_VERSIONS].join(', '),
    });
  }
}

// Trove classifiers that name exactly one SPDX license. "BSD License" and the bare "GNU ... (LGPL)" are left out on
// purpose: they do not say which BSD or which LGPL version, and a wrong license is worse than none.
const CLASSIFIER_LICENSES: Record<string, string> = {
  'MIT License': 'MIT',
  'MIT No Attribution License (MIT-0)': 'MIT-0',
  'Apache Software License': 'Apache-2.0',
  'ISC License (ISCL)': 'ISC',
  'Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
  'Python Software Foundation License': 'PSF-2.0',
  'The Unlicense (Unlicense)': 'Unlicense',
  'Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
  'Eclipse Public License 2.0 (EPL-2.0)': 'EPL-2.0',
  'GNU General Public License v2 (GPLv2)': 'GPL-2.0-only',
  'GNU General Public License v2 or later (GPLv2+)': 'GPL-2.0-or-later',
  'GNU General Public License v3 (GPLv3)': 'GPL-3.0-only',
  'GNU General Public License v3 or later (GPLv3+)': 'GPL-3.0-or-later',
  'GNU Lesser General Public License v2 (LGPLv2)': 'LGPL-2.0-only',
  'GNU Lesser General Public License v2 or later (LGPLv2+)': 'LGPL-2.0-or-later',
  'GNU Lesser General Public License v3 (LGPLv3)': 'LGPL-3.0-only',
  'GNU Lesser General Public License v3 or later (LGPLv3+)': 'LGPL-3.0-or-later',
  'GNU Affero General Public License v3': 'AGPL-3.0-only',
  'GNU Affero General Public License v3 or later (AGPLv3+)': 'AGPL-3.0-or-later',
};

function isSpdx(text: string): boolean {
  try {
    parseSpdx(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The order follows how precise each field is: License-Expression is SPDX by definition; a License field that is
 * already a valid SPDX expression comes next; then license classifiers; last the free-text License field corrected.
 */
export function licensesOf(headers: Headers): string[] {
  const expression = normalizeLicense(headers.get('license-expression')?.[0]);
  if (expression) return [expression];
  const license = headers.get('license')?.[0]?.trim() ?? '';
  const oneLine = license !== '' && !license.includes('\n') && license.length <= 100;
  if (oneLine && isSpdx(license)) return [license];
  const fromClassifiers = (headers.get('classifier') ?? [])
    .map((c) => /^License :: (?:OSI Approved :: )?(.+)$/.exec(c)?.[1]?.trim())
    .flatMap((c) => (c && CLASSIFIER_LICENSES[c] ? [CLASSIFIER_LICENSES[c]] : []));
  if (fromClassifiers.length > 0) return [...new Set(fromClassifiers)];
  const corrected = oneLine ? normalizeLicense(license) : undefined;
  return corrected ? [corrected] : [];
}
