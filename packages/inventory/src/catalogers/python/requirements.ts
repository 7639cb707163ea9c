import type { Cataloger, CatalogInput, CatalogResult } from '../../cataloger.js';
import { makePurl } from '../../purl.js';
import type { InventoryProblem, Package } from '../../types.js';
import { pinnedVersion } from './pep508.js';
import { parseRequirementsFile, type RequirementsEntry } from './requirements-parse.js';
import { assertText, dirOf, joinPath, normalizePyName } from './text.js';

const MAX_INCLUDE_DEPTH = 10;

interface Sighting {
  entry: Extract<RequirementsEntry, { kind: 'requirement' }>;
  file: string;
}

interface Collected {
  sightings: Sighting[];
  /** Pins from `-c` constraints files: they fix the version of a requirement listed without one, and add nothing. */
  constraints: Sighting[];
  problems: InventoryProblem[];
}

function isRequirementsFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /^requirements[^/]*\.txt$/i.test(base);
}

/**
 * pip has no dev flag; the convention is a separate `requirements-dev.txt` / `requirements_test.txt`. Only the file
 * name is read: a project under `tests/` or `examples/dev-app/` still ships its own requirements at runtime.
 */
function isDevFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /[-_.](dev|develop|development|test|tests|testing|lint|docs)([-_.]|\.txt$)/i.test(base);
}

/**
 * `pip freeze > requirements.txt` in Windows PowerShell writes UTF-16 with a byte order mark, and Notepad adds a UTF-8
 * one; pip reads both, so they are decoded here instead of being refused as binary.
 */
async function decoded(input: CatalogInput, file: string, text: string): Promise<string> {
  if (text.includes('\u0000') || text.startsWith('\uFFFD\uFFFD')) {
    const bytes = await input.fs.readBytes(file);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  return text.replace(/^\uFEFF/, '');
}

async function collect(
  input: CatalogInput,
  file: string,
  text: string,
  depth: number,
  seen: Set<string>,
  out: Collected,
  asConstraints = false,
): Promise<void> {
  const content = await decoded(input, file, text);
  assertText(file, content, 'a pip requirements file');
  for (const entry of parseRequirementsFile(file, content)) {
    if (entry.kind === 'requirement') {
      (asConstraints ? out.constraints : out.sightings).push({ entry, file });
    } else if (entry.kind === 'problem') {
      out.problems.push({ file, message: `line ${entry.line}: ${entry.message}` });
    } else {
      const target = joinPath(dirOf(file), entry.target);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.target)) {
        out.problems.push({ file, message: `line ${entry.line}: remote include ${entry.target} is not read` });
      } else if (seen.has(target)) {
        continue;
      } else if (depth >= MAX_INCLUDE_DEPTH || !(await input.fs.exists(target))) {
        out.problems.push({ file, message: `line ${entry.line}: included file ${target} was not found or nests too deep` });
      } else {
        seen.add(target);
        await collect(input, target, await input.fs.readText(target), depth + 1, seen, out, asConstraints || entry.constraint);
      }
    }
  }
}

/** The version a constraints file pins a name to, and the file that says so. */
function constraintPins(constraints: Sighting[]): Pins {
  const pins: Pins = new Map();
  for (const { entry, file } of constraints) {
    const version = pinnedVersion(entry.requirement.specifier);
    if (version !== undefined) pins.set(normalizePyName(entry.requirement.name), { version, file });
  }
  return pins;
}

function toPackages(path: string, collected: Collected): Package[] {
  const { sightings, problems } = collected;
  const pins = constraintPins(collected.constraints);
  const byKey = new Map<string, Package>();
  const byName = new Map<string, Package[]>();
  // pip-compile output annotates every line; there a line is direct only when it comes from an input file (`-r`).
  const annotated = sightings.some((s) => s.entry.via !== undefined);
  for (const { entry, file } of sightings) {
    const { requirement } = entry;
    const pin = pins.get(normalizePyName(requirement.name));
    const version = versionOf(entry, pins);
    if (version === undefined) {
      const what = requirement.url ? `a URL (${requirement.url})` : requirement.specifier || 'no version';
      problems.push({ file, message: `line ${entry.line}: ${requirement.name} is not pinned with == (${what})` });
      continue;
    }
    const name = normalizePyName(requirement.name);
    const purl = makePurl('pypi', requirement.name, version);
    const direct = !annotated || (entry.via ?? []).some((v) => v.startsWith('-'));
    const existing = byKey.get(purl);
    if (existing) {
      existing.direct ||= direct;
      existing.dev &&= isDevFile(file);
      continue;
    }
    const pkg: Package = {
      purl,
      name: requirement.name,
      version,
      ecosystem: 'pypi',
      licenses: [],
      hashes: entry.hashes,
      direct,
      dev: isDevFile(file),
      locations: [...new Set([path, file, ...(pinnedVersion(requirement.specifier) === undefined && pin ? [pin.file] : [])])],
      dependsOn: [],
    };
    byKey.set(purl, pkg);
    byName.set(name, [...(byName.get(name) ?? []), pkg]);
  }
  addViaEdges(sightings, pins, byName);
  return [...byKey.values()];
}

type Pins = Map<string, { version: string; file: string }>;

/** The line's own `==` pin, else a constraints file's pin (which pip does not apply to URL requirements). */
function versionOf(entry: Sighting['entry'], pins: Pins): string | undefined {
  const { requirement } = entry;
  return pinnedVersion(requirement.specifier) ?? (requirement.url ? undefined : pins.get(normalizePyName(requirement.name))?.version);
}

/** `# via parent` says parent depends on this package: turn it into the parent's edge. */
function addViaEdges(sightings: Sighting[], pins: Pins, byName: Map<string, Package[]>): void {
  for (const { entry } of sightings) {
    const version = versionOf(entry, pins);
    if (version === undefined) continue;
    const child = makePurl('pypi', entry.requirement.name, version);
    for (const via of entry.via ?? []) {
      for (const parent of byName.get(normalizePyName(via)) ?? []) {
        if (!parent.dependsOn.includes(child)) parent.dependsOn.push(child);
      }
    }
  }
}

export const pythonRequirementsCataloger: Cataloger = {
  id: 'python-requirements',
  ecosystem: 'pypi',
  files: 'requirements*.txt (pinned name==version lines, -r includes, -c constraints, --hash, pip-compile "# via" edges)',
  claims: isRequirementsFile,
  async catalog(input): Promise<CatalogResult> {
    const out: Collected = { sightings: [], constraints: [], problems: [] };
    await collect(input, input.path, await input.text(), 0, new Set([input.path]), out);
    const packages = toPackages(input.path, out);
    return { packages, problems: out.problems };
  },
};
