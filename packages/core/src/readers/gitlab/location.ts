import type { FindingKind, Location } from '../../model/finding.js';
import { packageLocation, sourceLocation, urlLocation } from '../build.js';
import { cleanPath, filePath } from '../paths.js';
import { nonEmpty } from '../text.js';
import {
  containerLocationSchema,
  dastLocationSchema,
  dependencyLocationSchema,
  fileLocationSchema,
  type GitlabVuln,
} from './schema.js';

const KINDS: Record<string, FindingKind> = {
  sast: 'sast',
  coverage_fuzzing: 'sast',
  secret_detection: 'secret',
  dependency_scanning: 'dependency',
  container_scanning: 'container',
  container_scanning_for_registry: 'container',
  cluster_image_scanning: 'container',
  dast: 'dast',
  api_fuzzing: 'dast',
};

/** The report type from `scan.type` (15.x), the vulnerability's `category` (14.x), or else its location's shape. */
export function kindOf(scanType: string | null | undefined, v: GitlabVuln): FindingKind {
  const named = KINDS[(scanType ?? v.category ?? '').toLowerCase()];
  if (named) return named;
  const loc = v.location;
  if ('image' in loc) return 'container';
  if ('dependency' in loc) return 'dependency';
  if ('hostname' in loc || 'path' in loc) return 'dast';
  return 'commit' in loc ? 'secret' : 'sast';
}

export type LocationResult = { ok: true; location: Location } | { ok: false; reason: string };

function dastUrl(hostname: string | undefined, path: string | undefined): string | undefined {
  if (!hostname) return path;
  if (!path) return hostname;
  return `${hostname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function locationOf(kind: FindingKind, v: GitlabVuln): LocationResult {
  const loc = v.location;
  if (kind === 'dependency') {
    const p = dependencyLocationSchema.safeParse(loc);
    if (!p.success) return { ok: false, reason: 'dependency location needs file and dependency.package.name' };
    const d = p.data;
    return { ok: true, location: packageLocation({ name: d.dependency.package.name, version: d.dependency.version, file: cleanPath(d.file) }) };
  }
  if (kind === 'container') {
    const p = containerLocationSchema.safeParse(loc);
    if (!p.success) return { ok: false, reason: 'container location needs image and dependency.package.name' };
    const d = p.data;
    const os = nonEmpty(d.operating_system);
    return {
      ok: true,
      location: packageLocation({
        name: d.dependency.package.name,
        version: d.dependency.version,
        image: d.image,
        operatingSystem: os && os !== 'Unknown' ? os : undefined,
      }),
    };
  }
  if (kind === 'dast') {
    const d = dastLocationSchema.safeParse(loc).data;
    const url = dastUrl(nonEmpty(d?.hostname), nonEmpty(d?.path));
    if (!url) return { ok: false, reason: 'DAST location has neither hostname nor path' };
    return { ok: true, location: urlLocation({ url, method: d?.method, param: d?.param, evidence: v.evidence?.summary }) };
  }
  const p = fileLocationSchema.safeParse(loc);
  const path = p.success ? filePath(p.data.file) : undefined;
  if (!p.success || !path) return { ok: false, reason: 'location has no file' };
  const d = p.data;
  return {
    ok: true,
    location: sourceLocation({
      path,
      startLine: d.start_line,
      endLine: d.end_line,
      startColumn: d.column_start,
      endColumn: d.column_end,
      snippet: v.raw_source_code_extract,
    }),
  };
}
