import type { FileKind, ParsedFile } from '../types.js';
import { parseDockerfile } from './dockerfile.js';
import { parseHcl } from './hcl.js';
import { parseYaml } from './yaml-source.js';

/** Parses a file of a known kind; a file that is not valid YAML or HCL throws a UserError with its line. */
export function parseFile(path: string, text: string, kind: FileKind): ParsedFile {
  const lines = text.split(/\r\n|\r|\n/);
  switch (kind) {
    case 'dockerfile':
      return { kind, path, lines, instructions: parseDockerfile(text).instructions };
    case 'terraform':
      return { kind, path, lines, body: parseHcl(text, path) };
    default:
      return { kind, path, lines, yaml: parseYaml(text, path) };
  }
}

export { parseDockerfile, splitFlags, stagesOf, type DockerInstruction, type DockerStage } from './dockerfile.js';
export { parseHcl } from './hcl.js';
export { parseYaml, type YamlSource } from './yaml-source.js';
export type { HclAttribute, HclBlock, HclBody, HclExpr } from './hcl-types.js';
