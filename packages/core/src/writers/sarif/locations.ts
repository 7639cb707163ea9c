import type { FlowStep, Location, PackageLocation, SourceLocation } from '../../model/finding.js';
import { normalizePath } from '../../model/fingerprint.js';
import { imageRepository } from '../paths.js';
import type { SarifArtifactLocation, SarifLocation, SarifRegion } from './types.js';
import { pathToUriReference, resolveSourcePath, webUrlToUri } from './uri.js';

export const SRCROOT = '%SRCROOT%';

function artifact(path: string, srcRoot: string | undefined): SarifArtifactLocation {
  const r = resolveSourcePath(path, srcRoot);
  return r.relative ? { uri: r.uri, uriBaseId: SRCROOT } : { uri: r.uri };
}

function regionOf(l: SourceLocation): SarifRegion | undefined {
  if (l.startLine === undefined) return undefined;
  const region: SarifRegion = { startLine: l.startLine };
  if (l.startColumn !== undefined) region.startColumn = l.startColumn;
  if (l.endLine !== undefined && l.endLine >= l.startLine) region.endLine = l.endLine;
  if (l.endColumn !== undefined && l.startColumn !== undefined) {
    const sameLine = region.endLine === undefined || region.endLine === l.startLine;
    // A region that ends before it starts is invalid SARIF; drop the end column rather than emit it.
    if (!sameLine || l.endColumn >= l.startColumn) region.endColumn = l.endColumn;
  }
  if (l.snippet !== undefined && l.snippet !== '') region.snippet = { text: l.snippet };
  return region;
}

function urlArtifact(raw: string): SarifArtifactLocation {
  const uri = webUrlToUri(raw);
  if (uri !== undefined) return { uri };
  // Not an absolute web URL (a bare path from a report): keep it as a relative reference.
  return { uri: pathToUriReference(normalizePath(raw).replace(/^\/+/, '')), uriBaseId: SRCROOT };
}

function packageName(l: PackageLocation): string {
  return l.version !== undefined ? `${l.name}@${l.version}` : l.name;
}

/**
 * GitHub only shows results that have a physical location, so package findings point at line 1 of
 * the lockfile, and image findings at the image repository as a pseudo-path (what Trivy does); the
 * package itself goes in a logical location.
 */
function packageLocation(l: PackageLocation, srcRoot: string | undefined): SarifLocation {
  const logical = { name: l.name, fullyQualifiedName: packageName(l), kind: 'module' };
  let artifactLocation: SarifArtifactLocation;
  if (l.image !== undefined && l.image !== '') {
    // An image given as an archive path (`/tmp/app.tar`) must still be a relative reference: no leading slash.
    artifactLocation = { uri: pathToUriReference(normalizePath(imageRepository(l.image)).replace(/^\/+/, '')), uriBaseId: SRCROOT };
    logical.fullyQualifiedName = `${l.image}/${packageName(l)}`;
  } else if (l.file !== undefined && l.file !== '') {
    artifactLocation = artifact(l.file, srcRoot);
  } else {
    artifactLocation = { uri: pathToUriReference(`packages/${l.ecosystem ?? 'unknown'}/${l.name}`), uriBaseId: SRCROOT };
  }
  return { physicalLocation: { artifactLocation, region: { startLine: 1 } }, logicalLocations: [logical] };
}

export function sarifLocation(location: Location, srcRoot: string | undefined): SarifLocation {
  switch (location.type) {
    case 'source': {
      const region = regionOf(location);
      const physicalLocation = { artifactLocation: artifact(location.path, srcRoot), ...(region ? { region } : {}) };
      return { physicalLocation };
    }
    case 'url':
      return { physicalLocation: { artifactLocation: urlArtifact(location.url) } };
    case 'package':
      return packageLocation(location, srcRoot);
  }
}

export function flowLocation(step: FlowStep, srcRoot: string | undefined): SarifLocation {
  const region: SarifRegion = { startLine: step.line };
  if (step.column !== undefined) region.startColumn = step.column;
  const loc: SarifLocation = {
    physicalLocation: { artifactLocation: artifact(normalizePath(step.path), srcRoot), region },
  };
  if (step.message !== undefined && step.message !== '') loc.message = { text: step.message };
  return loc;
}
