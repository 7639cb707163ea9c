import path from 'node:path';
import type { Ignore } from 'ignore';
import { readIgnoreFile } from './ignore-file.js';
import { findGitDirs } from './git-dir.js';

/**
 * One ignore file. Its patterns are relative to the directory holding it, so a walk-relative path is first cut
 * below `dir` (for files inside the walk) or extended with `prefix` (for files above the walk root).
 */
interface Layer {
  rules: Ignore;
  strip: number;
  prefix: string;
}

export interface IgnoreStackOptions {
  respectGitignore: boolean;
}

/**
 * Git's precedence, lowest first: `.git/info/exclude`, then `.gitignore` files from the repository root down, a
 * deeper one overriding a shallower one. `.rampartignore` comes last so that it can both add to and re-include
 * what git ignores (e.g. `!generated/` to scan generated code that is not committed).
 */
export class IgnoreStack {
  private constructor(
    private readonly layers: readonly Layer[],
    private readonly top: Layer | undefined,
    private readonly respectGitignore: boolean,
  ) {}

  static async load(root: string, opts: IgnoreStackOptions): Promise<IgnoreStack> {
    const layers: Layer[] = [];
    if (opts.respectGitignore) layers.push(...(await outerLayers(root)));
    const rampart = await readIgnoreFile(path.join(root, '.rampartignore'));
    const top = rampart ? { rules: rampart, strip: 0, prefix: '' } : undefined;
    return new IgnoreStack(layers, top, opts.respectGitignore);
  }

  /** The stack for the entries of directory `relDir` (walk-relative, '' for the root), adding its `.gitignore`. */
  async enter(relDir: string, absDir: string): Promise<IgnoreStack> {
    if (!this.respectGitignore) return this;
    const rules = await readIgnoreFile(path.join(absDir, '.gitignore'));
    if (!rules) return this;
    const layer = { rules, strip: relDir === '' ? 0 : relDir.length + 1, prefix: '' };
    return new IgnoreStack([...this.layers, layer], this.top, this.respectGitignore);
  }

  isIgnored(relPath: string, isDir: boolean): boolean {
    const suffix = isDir ? '/' : '';
    let ignored = false;
    const apply = (layer: Layer): void => {
      const result = layer.rules.test(layer.prefix + relPath.slice(layer.strip) + suffix);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    };
    for (const layer of this.layers) apply(layer);
    if (this.top) apply(this.top);
    return ignored;
  }
}

/** `.git/info/exclude` and the `.gitignore` files of directories between the repository root and the walk root. */
async function outerLayers(root: string): Promise<Layer[]> {
  const repo = await findGitDirs(root);
  if (!repo) return [];
  const layers: Layer[] = [];
  const prefixOf = (dir: string): string => {
    const rel = path.relative(dir, root).split(path.sep).join('/');
    return rel === '' ? '' : `${rel}/`;
  };
  const exclude = await readIgnoreFile(path.join(repo.commonDir, 'info', 'exclude'));
  if (exclude) layers.push({ rules: exclude, strip: 0, prefix: prefixOf(repo.workTree) });
  // The walk root's own .gitignore is read by enter(''), so only strict ancestors are read here.
  for (let dir = repo.workTree; dir !== root; ) {
    const rules = await readIgnoreFile(path.join(dir, '.gitignore'));
    if (rules) layers.push({ rules, strip: 0, prefix: prefixOf(dir) });
    const next = path.relative(dir, root).split(path.sep)[0];
    if (next === undefined || next === '') break;
    dir = path.join(dir, next);
  }
  // Scanning a directory git ignores (say, generated code) is a deliberate choice: rules that would hide the whole
  // walk root are dropped rather than return nothing.
  return layers.filter((layer) => layer.prefix === '' || !layer.rules.test(layer.prefix).ignored);
}
