import { UserError } from '@rampart/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { InventoryFs } from '../../fs/types.js';
import { normalizeLicenses } from '../../license.js';

export interface PomDependency {
  groupId?: string;
  artifactId?: string;
  version?: string;
  scope?: string;
  optional?: string;
}

/** The parts of one pom.xml this inventory uses, raw (before `${...}` interpolation). */
export interface Pom {
  file: string;
  groupId?: string;
  artifactId?: string;
  version?: string;
  parent?: { groupId?: string; artifactId?: string; version?: string; relativePath?: string };
  properties: Map<string, string>;
  dependencies: PomDependency[];
  managed: PomDependency[];
  licenses: string[];
}

const EXPECTED = 'a Maven POM: XML with a <project> root element';
const KNOWN_MODEL_VERSIONS = new Set(['4.0.0', '4.1.0']);
const ARRAYS = new Set([
  'project.dependencies.dependency',
  'project.dependencyManagement.dependencies.dependency',
  'project.licenses.license',
]);

function newParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: true,
    // Versions such as 1.10 must stay strings, never become the number 1.1.
    parseTagValue: false,
    trimValues: true,
    processEntities: false,
    isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
  });
}

function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
function dep(raw: unknown): PomDependency {
  const o = obj(raw);
  const out: PomDependency = {};
  for (const key of ['groupId', 'artifactId', 'version', 'scope', 'optional'] as const) {
    const v = str(o[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function parsePom(file: string, text: string): Pom {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new UserError(`is not well-formed XML: ${valid.err.msg}`, { file, line: valid.err.line, expected: EXPECTED });
  }
  let doc: Record<string, unknown>;
  try {
    doc = obj(newParser().parse(text));
  } catch (e) {
    throw new UserError(`is not well-formed XML: ${(e as Error).message}`, { file, expected: EXPECTED });
  }
  if (!('project' in doc)) throw new UserError('has no <project> root element', { file, field: 'project', expected: EXPECTED });
  const project = obj(doc.project);
  const modelVersion = str(project.modelVersion);
  // Maven 2 and 3 write 4.0.0; Maven 4 adds 4.1.0. Old POMs may omit it.
  if (modelVersion !== undefined && !KNOWN_MODEL_VERSIONS.has(modelVersion)) {
    throw new UserError(`has modelVersion ${modelVersion}, which this version of Rampart does not know`, {
      file,
      field: 'project.modelVersion',
      expected: [...KNOWN_MODEL_VERSIONS].join(' or '),
    });
  }
  const properties = new Map<string, string>();
  for (const [k, v] of Object.entries(obj(project.properties))) if (typeof v === 'string') properties.set(k, v);
  const parentRaw = obj(project.parent);
  const parent = 'parent' in project ? dep(parentRaw) : undefined;
  const relativePath = typeof parentRaw.relativePath === 'string' ? parentRaw.relativePath : undefined;
  const listOf = (v: unknown) => (Array.isArray(v) ? v : []);
  return {
    file,
    ...optional('groupId', str(project.groupId)),
    ...optional('artifactId', str(project.artifactId)),
    ...optional('version', str(project.version)),
    ...(parent ? { parent: { ...parent, ...(relativePath !== undefined ? { relativePath } : {}) } } : {}),
    properties,
    dependencies: listOf(obj(project.dependencies).dependency).map(dep),
    managed: listOf(obj(obj(project.dependencyManagement).dependencies).dependency).map(dep),
    licenses: normalizeLicenses(listOf(obj(project.licenses).license).map((l) => str(obj(l).name))),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function resolveRelative(file: string, rel: string): string {
  const parts = file.split('/').slice(0, -1);
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  const joined = parts.join('/');
  return joined.endsWith('.xml') ? joined : joined === '' ? 'pom.xml' : `${joined}/pom.xml`;
}

const MAX_PARENTS = 8;

/**
 * The chain of parent POMs found in the same tree (Maven's default `<relativePath>` is `../pom.xml`), nearest first.
 * A parent only counts when its coordinates match the `<parent>` element; one from a repository is not read.
 */
export async function parentChain(fs: InventoryFs, pom: Pom): Promise<Pom[]> {
  const chain: Pom[] = [];
  let current = pom;
  const seen = new Set([pom.file]);
  while (current.parent && chain.length < MAX_PARENTS) {
    const { parent } = current;
    if (parent.relativePath === '') break;
    const path = resolveRelative(current.file, parent.relativePath ?? '..');
    if (seen.has(path) || !(await fs.exists(path))) break;
    const candidate = parsePom(path, await fs.readText(path));
    if (candidate.artifactId !== parent.artifactId) break;
    seen.add(path);
    chain.push(candidate);
    current = candidate;
  }
  return chain;
}
