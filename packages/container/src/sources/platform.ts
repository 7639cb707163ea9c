import { UserError } from '@rampart/core';
import type { Descriptor } from './schemas.js';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

/** `linux/arm64/v8` -> { os, architecture, variant }. */
export function parsePlatform(text: string): Platform {
  const [os, architecture, variant] = text.split('/');
  if (!os || !architecture) {
    throw new UserError(`platform ${JSON.stringify(text)}`, { field: 'platform', expected: 'os/architecture[/variant], e.g. linux/amd64' });
  }
  return variant ? { os, architecture, variant } : { os, architecture };
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, ...(p.variant ? [p.variant] : [])].join('/');
}

/** BuildKit stores provenance and SBOM attestations in the index as manifests of platform unknown/unknown. */
function isAttestation(d: Descriptor): boolean {
  return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown';
}

/**
 * Picks the manifest for `wanted` from an index: an exact os/architecture match, preferring the variant asked for
 * (or, when none was asked for, the first variant listed).
 */
export function choosePlatform(manifests: Descriptor[], wanted: Platform, where: string): Descriptor | undefined {
  const images = manifests.filter((d) => !isAttestation(d));
  const withPlatform = images.filter((d) => d.platform);
  if (withPlatform.length === 0) return undefined;
  const matching = withPlatform.filter((d) => d.platform?.os === wanted.os && d.platform.architecture === wanted.architecture);
  const hit = wanted.variant ? matching.find((d) => d.platform?.variant === wanted.variant) : matching[0];
  if (hit) return hit;
  const offered = withPlatform.map((d) => formatPlatform(d.platform as Platform)).join(', ');
  throw new UserError(`no image for platform ${formatPlatform(wanted)}`, { file: where, expected: `one of: ${offered}` });
}
