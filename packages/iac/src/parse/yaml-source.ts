import { UserError } from '@rampart/core';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';

/** The documents of one YAML file, with a way back from any node to its 1-based line. */
export interface YamlSource {
  docs: readonly Document.Parsed[];
  lineAt(offset: number): number;
}

/**
 * Every document of the file (Kubernetes multi-doc files, GitLab components whose `spec:` header is a
 * document of its own). A file that is not YAML is a `UserError` naming the file, the line and the problem.
 */
export function parseYaml(text: string, path: string): YamlSource {
  const counter = new LineCounter();
  // Custom tags (GitLab's `!reference`, CloudFormation's `!Ref`) are data here, not errors.
  const parsed = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false, strict: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  if (!Array.isArray(parsed)) {
    // An empty stream: yaml returns an EmptyStream, which has no documents.
    return { docs: [], lineAt: (o) => counter.linePos(o).line };
  }
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err !== undefined) {
      const line = counter.linePos(err.pos[0]).line;
      throw new UserError(`not valid YAML: ${firstLine(err.message)}`, { file: path, line, expected: 'a YAML document' });
    }
  }
  return { docs, lineAt: (o) => counter.linePos(o).line };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
