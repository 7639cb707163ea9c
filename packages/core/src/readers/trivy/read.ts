import type { RawFinding, Tool } from '../../model/finding.js';
import { parseEntry } from '../schema.js';
import type { ReadResult, SkippedEntry } from '../types.js';
import { isFailure, mapMisconf, mapSecret, mapVuln, type TrivyTarget } from './map.js';
import { trivyMisconfSchema, trivyResultSchema, trivySecretSchema, trivyVulnSchema, type TrivyResult } from './schema.js';

class Collector {
  readonly findings: RawFinding[] = [];
  readonly skipped: SkippedEntry[] = [];
}

function readResult(res: TrivyResult, target: TrivyTarget, at: string, out: Collector): void {
  (res.Vulnerabilities ?? []).forEach((raw, i) => {
    const p = parseEntry(trivyVulnSchema, raw, `${at}.Vulnerabilities[${i}]`, 'vulnerability');
    if (p.ok) out.findings.push(mapVuln(p.data, res, target));
    else out.skipped.push(p.skipped);
  });
  (res.Misconfigurations ?? []).forEach((raw, i) => {
    const entry = `${at}.Misconfigurations[${i}]`;
    const p = parseEntry(trivyMisconfSchema, raw, entry, 'misconfiguration');
    if (!p.ok) return void out.skipped.push(p.skipped);
    if (!isFailure(p.data)) return;
    const f = mapMisconf(p.data, res, target);
    if (f) out.findings.push(f);
    else out.skipped.push({ reason: 'misconfiguration has no ID or its result no Target', entry });
  });
  (res.Secrets ?? []).forEach((raw, i) => {
    const entry = `${at}.Secrets[${i}]`;
    const p = parseEntry(trivySecretSchema, raw, entry, 'secret');
    if (!p.ok) return void out.skipped.push(p.skipped);
    const f = mapSecret(p.data, res, target);
    if (f) out.findings.push(f);
    else out.skipped.push({ reason: 'secret result has no Target', entry });
  });
}

const IMAGE_ARTIFACTS = new Set(['container_image', 'vm']);

export function readTrivyV2(
  report: { ArtifactName?: string | null; ArtifactType?: string | null; Metadata?: { OS?: { Family?: string | null; Name?: string | null } | null } | null; Results?: unknown[] | null },
  tool: Tool,
): ReadResult {
  const out = new Collector();
  const isImage = IMAGE_ARTIFACTS.has(report.ArtifactType ?? '');
  const os = report.Metadata?.OS;
  const target: TrivyTarget = {
    tool,
    image: isImage ? (report.ArtifactName ?? 'unknown image') : undefined,
    os: os?.Family ? [os.Family, os.Name].filter(Boolean).join(' ') : undefined,
  };
  (report.Results ?? []).forEach((raw, r) => {
    const p = parseEntry(trivyResultSchema, raw, `Results[${r}]`, 'result');
    if (p.ok) readResult(p.data, target, `Results[${r}]`, out);
    else out.skipped.push(p.skipped);
  });
  return { findings: out.findings, tools: [tool], skipped: out.skipped };
}

/** OS families Trivy names result Types after; a result of one of these types came from an image. */
const OS_TYPES = new Set([
  'alpine', 'debian', 'ubuntu', 'centos', 'redhat', 'rocky', 'alma', 'almalinux', 'amazon', 'oracle', 'photon',
  'suse', 'opensuse', 'opensuse.leap', 'opensuse.tumbleweed', 'sles', 'fedora', 'cbl-mariner', 'azurelinux', 'wolfi',
  'chainguard', 'distroless', 'echo', 'bottlerocket', 'minimos',
]);

/**
 * The pre-v2 list carries no artifact type. An OS-package result is titled "image (os version)", so
 * those are container findings; language results there are lockfile paths, read as dependency findings.
 */
export function readTrivyLegacy(results: readonly unknown[], tool: Tool): ReadResult {
  const out = new Collector();
  results.forEach((raw, r) => {
    const p = parseEntry(trivyResultSchema, raw, `[${r}]`, 'result');
    if (!p.ok) return void out.skipped.push(p.skipped);
    const res = p.data;
    const osResult = OS_TYPES.has((res.Type ?? '').toLowerCase());
    const match = /^(.*?) \((.+)\)$/.exec(res.Target);
    const target: TrivyTarget = osResult
      ? { tool, image: match?.[1] ?? res.Target, os: match?.[2] }
      : { tool };
    readResult(osResult ? { ...res, Class: 'os-pkgs' } : res, target, `[${r}]`, out);
  });
  return { findings: out.findings, tools: [tool], skipped: out.skipped };
}
