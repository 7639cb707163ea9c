import { UserError } from '@rampart/core';
import type { Cataloger, CatalogResult } from '../../cataloger.js';
import { makePurl } from '../../purl.js';
import { checkMetadataVersion, licensesOf, parseHeaders, requireHeader } from './core-metadata.js';
import { isPyName } from './text.js';

/**
 * Installed distributions: `*.dist-info/METADATA` (wheels) and `*.egg-info/PKG-INFO` (setuptools, which may also be a
 * plain file named `*.egg-info`). Each file describes one package. Requires-Dist names version ranges and the versions
 * that satisfy them live in other files, so no edges are emitted here rather than edges that would dangle.
 */
export const pythonInstalledCataloger: Cataloger = {
  id: 'python-installed',
  ecosystem: 'pypi',
  files: '*.dist-info/METADATA, *.egg-info/PKG-INFO and *.egg-info files (installed packages)',
  claims: (path) => /\.dist-info\/METADATA$/.test(path) || /\.egg-info(\/PKG-INFO)?$/.test(path),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const headers = parseHeaders(file, await input.text());
    checkMetadataVersion(file, headers);
    const name = requireHeader(file, headers, 'Name');
    const version = requireHeader(file, headers, 'Version');
    if (!isPyName(name)) {
      throw new UserError(`has an invalid Name ${JSON.stringify(String(name).slice(0, 80))}`, { file, field: 'Name', expected: 'a PEP 508 project name' });
    }
    const purl = makePurl('pypi', name, version);
    return {
      packages: [
        {
          purl,
          name,
          version,
          ecosystem: 'pypi',
          licenses: licensesOf(headers),
          hashes: [],
          // Installed packages carry no record of who asked for them.
          direct: false,
          dev: false,
          locations: [file],
          dependsOn: [],
        },
      ],
    };
  },
};
