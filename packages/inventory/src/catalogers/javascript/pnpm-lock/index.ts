import { UserError } from '@rampart/core';
import type { Cataloger } from '../../../cataloger.js';
import { mergePackages } from '../../../merge.js';
import type { RootComponent } from '../../../types.js';
import { npmRoot } from '../npm-package.js';
import { parseYamlObject } from '../yaml-text.js';
import { buildGraph } from './graph.js';
import { importerManifest, linkedImporter, readImporters } from './importers.js';
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
    const refs = new Map<string, string>();
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
      refs.set(importer.path, roots[roots.length - 1]?.ref ?? '');
    }
    // `link:` dependencies between importers are edges between projects, by ref.
    importers.forEach((importer, i) => {
      const root = roots[i];
      const linked = [...importer.prod, ...importer.dev].map(([, ref]) => refs.get(linkedImporter(importer.path, ref) ?? ''));
      const extra = linked.filter((r): r is string => r !== undefined && r !== root?.ref);
      if (root && extra.length > 0) root.dependsOn = [...new Set([...root.dependsOn, ...extra])].sort();
    });
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
