import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Directories that hold dependencies or build output, never the project's own IaC. */
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.terraform', 'vendor', 'dist', 'build', 'target', '.venv', 'venv', '__pycache__', '.idea', 'coverage']);

/**
 * Files under `root` as relative forward-slash paths, sorted so output is stable. Dot-directories are walked
 * (`.github/workflows` lives in one) except the ones above; symbolic links are not followed.
 */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const full = join(dir, name);
      const relPath = rel === '' ? name : `${rel}/${name}`;
      let st;
      try {
        st = statSync(full, { throwIfNoEntry: false });
      } catch {
        continue;
      }
      if (st === undefined) continue;
      if (st.isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) visit(full, relPath);
      } else if (st.isFile()) out.push(relPath);
    }
  };
  visit(root, '');
  return out;
}
