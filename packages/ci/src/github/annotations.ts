import { bySeverityDesc, type Finding, type Severity } from '@rampart/core';
import type { ActionsIO, AnnotationProps } from './io.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** GitHub shows at most 10 annotations of each type per step and drops the rest silently. */
export const GITHUB_ANNOTATIONS_PER_TYPE = 10;

export function annotationLevel(severity: Severity): AnnotationLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'notice';
}

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  props: AnnotationProps;
}

function locationText(f: Finding): string | undefined {
  const loc = f.location;
  if (loc.type === 'url') return `${loc.method ? `${loc.method} ` : ''}${loc.url}${loc.param ? ` (parameter ${loc.param})` : ''}`;
  if (loc.type === 'package') {
    const pkg = `${loc.name}${loc.version ? `@${loc.version}` : ''}`;
    const where = loc.file ?? loc.image;
    return where ? `${pkg} in ${where}` : pkg;
  }
  return undefined;
}

/** The annotation for one finding; source findings (and package findings with a lockfile) point at the file. */
export function toAnnotation(f: Finding): Annotation {
  const props: AnnotationProps = { title: `[${f.severity}] ${f.ruleId}: ${f.title}`.slice(0, 255) };
  const loc = f.location;
  if (loc.type === 'source') {
    props.file = loc.path;
    if (loc.startLine !== undefined) {
      props.startLine = loc.startLine;
      props.endLine = loc.endLine ?? loc.startLine;
      // GitHub only honours columns on a single-line annotation.
      if (props.endLine === loc.startLine && loc.startColumn !== undefined) {
        props.startColumn = loc.startColumn;
        if (loc.endColumn !== undefined) props.endColumn = loc.endColumn;
      }
    }
  } else if (loc.type === 'package' && loc.file) {
    props.file = loc.file;
  }
  const where = locationText(f);
  const fix = f.fix?.versions?.length ? `Fixed in ${f.fix.versions.join(', ')}.` : f.fix?.summary;
  const message = [f.message, where ? `Location: ${where}` : undefined, fix].filter(Boolean).join('\n');
  return { level: annotationLevel(f.severity), message, props };
}

export interface AnnotationResult {
  emitted: Record<AnnotationLevel, number>;
  /** Findings that got no annotation because of the per-type cap; they are in the summary only. */
  omitted: number;
  /** With a filter: unsuppressed findings it left out (in a PR, those off the changed lines). */
  filteredOut?: number;
}

/** Which findings to annotate, e.g. only those on a pull request's changed lines. */
export type AnnotationFilter = (f: Finding) => boolean;

/**
 * Emits at most `perType` annotations of each level, most severe findings first, skipping suppressed
 * findings (and those `filter` rejects), and says how many more exist only in the summary.
 */
export function emitAnnotations(
  io: ActionsIO,
  findings: readonly Finding[],
  perType = GITHUB_ANNOTATIONS_PER_TYPE,
  filter?: AnnotationFilter,
): AnnotationResult {
  const emitted: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  let omitted = 0;
  const unsuppressed = findings.filter((f) => f.suppression === undefined);
  const active = filter ? unsuppressed.filter(filter) : unsuppressed;
  // Array.prototype.sort is stable, so findings of one severity keep the order the core gave them.
  for (const f of [...active].sort(bySeverityDesc)) {
    const a = toAnnotation(f);
    if (emitted[a.level] >= perType) {
      omitted++;
      continue;
    }
    emitted[a.level]++;
    io[a.level](a.message, a.props);
  }
  return filter ? { emitted, omitted, filteredOut: unsuppressed.length - active.length } : { emitted, omitted };
}
