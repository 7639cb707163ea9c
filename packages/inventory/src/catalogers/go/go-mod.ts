import { UserError } from '@rampart/core';
import type { Cataloger, CatalogInput, CatalogResult } from '../../cataloger.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package, PackageHash, RootComponent } from '../../types.js';
import { parseGoMod, type GoReplace, type GoRequire } from './modfile.js';
import { parseGoSum } from './gosum.js';
import { isGoVersion, isModulePath } from './version.js';

function besideSum(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? 'go.sum' : `${path.slice(0, slash)}/go.sum`;
}

/** go.sum beside go.mod only contributes hashes, keyed `path@version`; a malformed one is still an error. */
async function sumHashes(input: CatalogInput): Promise<Map<string, PackageHash>> {
  const file = besideSum(input.path);
  const out = new Map<string, PackageHash>();
  if (!(await input.fs.exists(file))) return out;
  for (const e of parseGoSum(file, await input.fs.readText(file))) if (e.hash) out.set(`${e.path}@${e.version}`, e.hash);
  return out;
}

function isLocalPath(path: string): boolean {
  return /^(\.{1,2}(\/|\\|$)|\/|[A-Za-z]:[\\/])/.test(path);
}

/** The module actually built for a require line, after the replace directives (a specific version wins over all). */
function replaced(req: GoRequire, replaces: GoReplace[]): GoReplace | undefined {
  return (
    replaces.find((r) => r.oldPath === req.path && r.oldVersion === req.version) ??
    replaces.find((r) => r.oldPath === req.path && r.oldVersion === undefined)
  );
}

/**
 * go.mod is the source of the module's packages; go.sum beside it only adds hashes (see go-sum.ts). Since Go 1.17
 * go.mod lists every module in the build list, the direct ones without `// indirect`. It holds no edges between
 * modules (those live in each dependency's own go.mod), so packages carry none and the root points at the direct ones.
 */
export const goModCataloger: Cataloger = {
  id: 'go-mod',
  ecosystem: 'golang',
  files: 'go.mod (require, replace; module is the root), with go.sum beside it for h1: hashes',
  claims: (path) => path === 'go.mod' || path.endsWith('/go.mod'),
  async catalog(input): Promise<CatalogResult> {
    const file = input.path;
    const mod = parseGoMod(file, await input.text());
    const hashes = await sumHashes(input);
    const problems: InventoryProblem[] = [];
    const byPurl = new Map<string, Package>();
    for (const req of mod.requires) {
      const rep = replaced(req, mod.replaces);
      if (rep && rep.newVersion === undefined) {
        const local = isLocalPath(rep.newPath) ? 'a local directory' : 'a module without a version';
        problems.push({ file, message: `line ${req.line}: ${req.path} is replaced by ${local} (${rep.newPath}), not a versioned package` });
        continue;
      }
      const name = rep?.newPath ?? req.path;
      const version = rep?.newVersion ?? req.version;
      if (!isModulePath(name) || !isGoVersion(version)) {
        // `go mod tidy` rewrites branch names and other queries into canonical versions; until then there is none.
        problems.push({ file, message: `line ${req.line}: ${name} ${version} is not a module path with a canonical version` });
        continue;
      }
      const purl = makePurl('golang', name, version);
      const hash = hashes.get(`${name}@${version}`);
      const seen = byPurl.get(purl);
      if (seen) {
        seen.direct ||= !req.indirect;
        continue;
      }
      byPurl.set(purl, {
        purl,
        name,
        version,
        ecosystem: 'golang',
        licenses: [],
        hashes: hash ? [hash] : [],
        direct: !req.indirect,
        // Go modules have no development-only dependencies: test-only imports are in the same build list.
        dev: false,
        locations: [file],
        dependsOn: [],
      });
    }
    const packages = [...byPurl.values()];
    const module = mod.module ?? '';
    if (!isModulePath(module)) {
      throw new UserError(`names an invalid module path "${module.slice(0, 80)}"`, { file, field: 'module', expected: 'an import path such as example.com/app' });
    }
    const root: RootComponent = {
      ref: makePurl('golang', module, undefined),
      name: module,
      ecosystem: 'golang',
      purl: makePurl('golang', module, undefined),
      manifest: file,
      dependsOn: packages.filter((p) => p.direct).map((p) => p.purl),
    };
    return { root, packages, problems };
  },
};
