import type { Confidence, Severity } from '@rampart/core';
import type { DockerInstruction } from './parse/dockerfile.js';
import type { HclBody } from './parse/hcl-types.js';
import type { YamlSource } from './parse/yaml-source.js';

export const FILE_KINDS = ['dockerfile', 'kubernetes', 'terraform', 'github-workflow', 'github-action', 'gitlab-ci'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

interface ParsedBase {
  /** Path relative to the scan root, with forward slashes: what findings report. */
  path: string;
  /** The file's lines, for the snippet of each finding. */
  lines: readonly string[];
}

export interface DockerfileFile extends ParsedBase {
  kind: 'dockerfile';
  instructions: readonly DockerInstruction[];
}

/** Every YAML kind keeps all the documents of the file (Kubernetes multi-doc, GitLab `spec:` then jobs). */
export interface YamlFile<K extends FileKind> extends ParsedBase {
  kind: K;
  yaml: YamlSource;
}

export interface TerraformFile extends ParsedBase {
  kind: 'terraform';
  body: HclBody;
}

export type ParsedFile =
  | DockerfileFile
  | YamlFile<'kubernetes'>
  | TerraformFile
  | YamlFile<'github-workflow'>
  | YamlFile<'github-action'>
  | YamlFile<'gitlab-ci'>;

export type ParsedOf<K extends FileKind> = Extract<ParsedFile, { kind: K }>;

/** Where a rule fired: a 1-based line of the file and what is wrong there. */
export interface RuleMatch {
  line: number;
  message: string;
}

/** The public checks a rule corresponds to, so users can map our ids to the tools they know. */
export interface RelatedChecks {
  trivy?: readonly string[];
  checkov?: readonly string[];
  zizmor?: readonly string[];
  other?: readonly string[];
}

export interface IacRule {
  id: string;
  title: string;
  severity: Severity;
  /** How sure a match is; rules that judge by names or by what the image may set say `medium`. Default high. */
  confidence?: Confidence;
  /** `CWE-<n>` ids. */
  cwe: readonly string[];
  /** CIS / NIST / vendor documentation URLs. */
  references: readonly string[];
  related: RelatedChecks;
  /** Markdown remediation. */
  fix: string;
  appliesTo(kind: FileKind): boolean;
  check(file: ParsedFile): RuleMatch[];
}

export interface RuleSpec<K extends FileKind> extends Omit<IacRule, 'appliesTo' | 'check'> {
  kinds: readonly K[];
  check(file: ParsedOf<K>): RuleMatch[];
}

/** A rule over some file kinds; `check` sees only files of those kinds, already narrowed. */
export function defineRule<K extends FileKind>(spec: RuleSpec<K>): IacRule {
  const kinds: readonly FileKind[] = spec.kinds;
  const { kinds: _kinds, check, ...meta } = spec;
  return {
    ...meta,
    appliesTo: (kind) => kinds.includes(kind),
    check: (file) => (kinds.includes(file.kind) ? check(file as ParsedOf<K>) : []),
  };
}
