import { UserError } from '@rampart/core';
import type { Cataloger } from '../../../cataloger.js';
import { mergePackages } from '../../../merge.js';
import type { RootComponent } from '../../../types.js';
import { npmRoot } from '../npm-package.js';
import { parseYamlObject } from '../yaml-text.js';
import { buildGraph } from './graph.js';
import { importerManifest, readImporters } from './importers.js';
import { dialectOf } from './keys.js';

/** pnpm-lock.yaml, lockfileVersion 5.3/5.4 (pnpm 6-7), 6.0/6.1 (pnpm 8) and 9.0 (pnpm 9-10). */
export const pnpmLockCataloger: Cataloger = {
  id: 'pnpm-lock',
  ecosystem: 'npm',
  files: 'pnpm-lock.yaml (lockfileVersion 5.3, 5.4, 6.0, 6.1, 9.0)',
  // pnpm keeps a copy of the lockfile it installed from at node_modules/.pnpm/lock.yaml, under another name.
  claims: (path) => /(^|\/)pnpm-lock\.yaml$/.test(path) && !path.split('/').includes('node_modules'),
  async catalog(input) {
    const file = input.path;
    const lock = parseYamlObject(await input.text(), file, 'a pnpm lockfile');
    const dialect = dialectOf(lock['lockfileVersion']);
    if (dialect === undefined) {
      throw new UserError(`unsupported pnpm lockfileVersion ${JSON.stringify(lock['lockfileVersion'])}`, {
        file,
        field: 'lockfileVersion',
        expected: "'5.3', '5.4', '6.0', '6.1' or '9.0'",
      });
    }
    const importers = readImporters(lock, file);
    const graph = buildGraph(lock, file, dialect, importers);
    const roots: RootComponent[] = [];
    for (const importer of importers) {
      const manifest = await importerManifest(input.fs, file, importer.path, graph.problems);
      roots.push(
        npmRoot({
          name: manifest.name,
          version: manifest.version,
          manifest: file,
          member: importer.path === '.' ? '' : importer.path,
          licenses: [manifest.license],
          dependsOn: graph.direct.get(importer.path) ?? [],
        }),
      );
    }
    const rootIndex = importers.findIndex((i) => i.path === '.');
    const root = roots[rootIndex];
    return {
      ...(root ? { root } : {}),
      members: roots.filter((_, i) => i !== rootIndex),
      packages: mergePackages(graph.packages),
      problems: graph.problems,
    };
  },
};
