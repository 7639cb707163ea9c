import { UserError } from '@rampart/core';
import { parseSyml } from '@yarnpkg/parsers';
import type { Cataloger } from '../../../cataloger.js';
import { mergePackages } from '../../../merge.js';
import { recordAt, type Json } from '../fields.js';
import { readBerry } from './berry.js';
import { isYarnClassic, readClassic } from './classic.js';
import { buildYarnGraph } from './graph.js';

function parse(text: string, file: string): Json {
  let value: unknown;
  try {
    value = parseSyml(text);
  } catch (err) {
    throw new UserError(`is not a valid yarn.lock: ${err instanceof Error ? err.message : String(err)}`, { file, expected: 'a yarn lockfile' });
  }
  return recordAt(value, file, '(top level)');
}

/** yarn.lock of yarn 1 (classic, `# yarn lockfile v1`) and of yarn 2-4 (berry, `__metadata`). */
export const yarnLockCataloger: Cataloger = {
  id: 'yarn-lock',
  ecosystem: 'npm',
  files: 'yarn.lock (yarn 1 classic, yarn 2-4 berry)',
  claims: (path) => /(^|\/)yarn\.lock$/.test(path) && !path.split('/').includes('node_modules'),
  async catalog(input) {
    const file = input.path;
    const text = await input.text();
    const classic = isYarnClassic(text);
    const lock = parse(text, file);
    if (!classic && lock['__metadata'] === undefined) {
      throw new UserError('is neither a yarn 1 lockfile nor a yarn 2+ lockfile', {
        file,
        field: '__metadata',
        expected: 'the "# yarn lockfile v1" header or a __metadata entry',
      });
    }
    const read = classic ? await readClassic(lock, file, input.fs) : await readBerry(lock, file, input.fs);
    const graph = buildYarnGraph(read.entries, read.projects, file, read.isLocal, read.projectOf);
    return {
      ...(graph.root ? { root: graph.root } : {}),
      members: graph.members,
      packages: mergePackages(graph.packages),
      problems: [...read.problems, ...graph.problems],
    };
  },
};
