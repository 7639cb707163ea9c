import { z } from 'zod';
import type { FlowStep } from '../../model/finding.js';
import { posInt } from '../build.js';
import { cleanPath } from '../paths.js';
import { optStr } from '../schema.js';
import {
  artifactLocationSchema,
  type SarifArtifactLocation,
  type SarifCodeFlow,
  type SarifPhysicalLocation,
  type SarifRun,
} from './schema.js';

const baseSchema = z.looseObject({ uri: optStr, uriBaseId: optStr });
const artifactSchema = z.looseObject({ location: artifactLocationSchema });

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** What a run needs to turn an artifactLocation into a repository path. */
export interface UriContext {
  bases: Map<string, { uri: string; uriBaseId?: string }>;
  artifacts: (SarifArtifactLocation | undefined)[];
}

export function uriContext(run: SarifRun): UriContext {
  const bases = new Map<string, { uri: string; uriBaseId?: string }>();
  for (const [id, raw] of Object.entries(run.originalUriBaseIds ?? {})) {
    const parsed = baseSchema.safeParse(raw).data;
    if (parsed?.uri) bases.set(id, { uri: parsed.uri, ...(parsed.uriBaseId ? { uriBaseId: parsed.uriBaseId } : {}) });
  }
  const artifacts = (run.artifacts ?? []).map((a) => artifactSchema.safeParse(a).data?.location ?? undefined);
  return { bases, artifacts };
}

function joinUri(prefix: string, uri: string): string {
  return prefix.endsWith('/') ? `${prefix}${uri}` : `${prefix}/${uri}`;
}

/**
 * A relative base (`"SRC": {"uri": "src/"}`) is part of the path and is prepended. An absolute base
 * (`file:///home/runner/work/app/`) is the checkout root, which the path is already relative to.
 */
function resolveBase(uri: string, baseId: string | null | undefined, ctx: UriContext, depth = 0): string {
  if (!baseId || depth > 8) return uri;
  const base = ctx.bases.get(baseId);
  if (!base || SCHEME.test(base.uri) || base.uri.startsWith('/')) return uri;
  return joinUri(resolveBase(base.uri, base.uriBaseId, ctx, depth + 1), uri);
}

/** Absolute `file:` URIs under a known absolute base become relative to it (ESLint's formatter writes these). */
function relativize(uri: string, ctx: UriContext): string {
  for (const base of ctx.bases.values()) {
    const root = base.uri.endsWith('/') ? base.uri : `${base.uri}/`;
    if ((SCHEME.test(root) || root.startsWith('/')) && uri.startsWith(root) && uri.length > root.length) {
      return uri.slice(root.length);
    }
  }
  return uri;
}

export type ResolvedTarget = { type: 'file'; path: string } | { type: 'url'; url: string };

export function resolveArtifact(loc: SarifArtifactLocation, ctx: UriContext): ResolvedTarget | undefined {
  const fromIndex = typeof loc?.index === 'number' ? ctx.artifacts[loc.index] : undefined;
  const uri = loc?.uri ?? fromIndex?.uri;
  if (!uri || uri.trim() === '') return undefined;
  if (/^https?:\/\//i.test(uri)) return { type: 'url', url: uri };
  const baseId = loc?.uriBaseId ?? fromIndex?.uriBaseId;
  const path = cleanPath(resolveBase(relativize(uri, ctx), baseId, ctx));
  return path === '' ? undefined : { type: 'file', path };
}

export interface ResolvedRegion {
  startLine?: number | null;
  endLine?: number | null;
  startColumn?: number | null;
  endColumn?: number | null;
  snippet?: string | null;
}

/**
 * SARIF says a line region without `startColumn` starts at column 1, and CodeQL relies on it: a
 * result that starts the line is written `{"startLine": 6, "endColumn": 28}`. Without the default the
 * end column has no start and writers must drop it, so the span would be lost. A region with no
 * `endColumn` keeps no columns: a whole-line result gains nothing from `startColumn: 1`.
 */
export function regionOf(physical: SarifPhysicalLocation): ResolvedRegion {
  const r = physical?.region;
  const impliedStart = typeof r?.startLine === 'number' && typeof r.endColumn === 'number' ? 1 : undefined;
  return {
    startLine: r?.startLine,
    endLine: r?.endLine,
    startColumn: r?.startColumn ?? impliedStart,
    endColumn: r?.endColumn,
    snippet: r?.snippet?.text,
  };
}

/** The first thread flow of the first code flow, as steps; steps without a file and line are left out. */
export function flowOf(codeFlows: readonly (SarifCodeFlow | null | undefined)[] | null | undefined, ctx: UriContext): FlowStep[] {
  const thread = codeFlows?.[0]?.threadFlows?.[0];
  const steps: FlowStep[] = [];
  for (const step of thread?.locations ?? []) {
    const physical = step?.location?.physicalLocation;
    const target = physical ? resolveArtifact(physical.artifactLocation, ctx) : undefined;
    const line = posInt(physical?.region?.startLine);
    if (target?.type !== 'file' || line === undefined) continue;
    const column = posInt(physical?.region?.startColumn);
    const message = step?.location?.message?.text?.trim();
    steps.push({
      path: target.path,
      line,
      ...(column !== undefined ? { column } : {}),
      ...(message ? { message } : {}),
    });
  }
  return steps;
}
