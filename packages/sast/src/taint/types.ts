import type { SgNode } from '@ast-grep/napi';
import type { SastLanguage, TaintRule } from '../rule-types.js';

/** A place in the file; lines and columns 0-based as ast-grep reports them. */
export interface TaintPoint {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The code at this point, for the finding's message and snippet. */
  text: string;
  /** What happens here: "source: req.query.id", "assigned to cmd", "sink: exec(cmd)". */
  label: string;
}

/** One source-to-sink path the taint engine found. */
export interface TaintMatch {
  source: TaintPoint;
  sink: TaintPoint;
  /** Intermediate steps in order, source and sink excluded. */
  steps: TaintPoint[];
}

/**
 * The contract between the engine and the taint analysis: given the parsed file's root node and one
 * taint rule, return every path from a source to a sink that no sanitizer cuts, within the file. A file
 * where no source or no sink of the rule matches has no path, so the engine does not call it on such files
 * (engine/prefilter.ts, engine/prescreen.ts).
 */
export type FindTaint = (root: SgNode, rule: TaintRule, language: SastLanguage) => TaintMatch[];
