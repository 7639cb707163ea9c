import type { Location } from '../model/finding.js';
import { normalizePath } from '../model/fingerprint.js';

/**
 * A repository-style path for findings that have no file: image findings use the image repository
 * (tag and digest dropped, as Trivy's SARIF does, so a retagged image keeps its alerts), URL findings
 * use host + path, and package findings without a lockfile use `packages/<ecosystem>/<name>`.
 * Formats that insist on a path (Code Quality, GitLab dependency files) use this.
 */
export function pseudoPath(location: Location): string {
  switch (location.type) {
    case 'source':
      return normalizePath(location.path);
    case 'url':
      return urlPseudoPath(location.url);
    case 'package':
      if (location.image !== undefined && location.image !== '') return imageRepository(location.image);
      if (location.file !== undefined && location.file !== '') return normalizePath(location.file);
      return `packages/${location.ecosystem ?? 'unknown'}/${location.name}`;
  }
}

function urlPseudoPath(raw: string): string {
  let path: string;
  try {
    const u = new URL(raw);
    path = `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    path = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[?#]/)[0] ?? '';
  }
  // A bare `#frag` or `?q` has no path at all; formats that need one still get a stable value.
  return path !== '' ? path : raw;
}

/** `registry:5000/team/app:1.2@sha256:...` -> `registry:5000/team/app`. */
export function imageRepository(image: string): string {
  let ref = image.split('@')[0] ?? image;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  return ref === '' ? image : ref;
}

/** What a human reads as "where": file path, URL or package coordinates. Also the sort key. */
export function displayPath(location: Location): string {
  switch (location.type) {
    case 'source':
      return normalizePath(location.path);
    case 'url':
      return location.url;
    case 'package':
      return location.image ?? (location.file !== undefined ? normalizePath(location.file) : location.name);
  }
}

export function lineOf(location: Location): number {
  return location.type === 'source' ? (location.startLine ?? 0) : 0;
}

/** `src/a.ts:12`, `GET https://x/y (param q)`, `lodash@4.17.20 in package-lock.json`. */
export function displayLocation(location: Location): string {
  switch (location.type) {
    case 'source':
      return location.startLine !== undefined
        ? `${normalizePath(location.path)}:${location.startLine}`
        : normalizePath(location.path);
    case 'url': {
      const method = location.method !== undefined ? `${location.method.toUpperCase()} ` : '';
      const param = location.param !== undefined && location.param !== '' ? ` (param ${location.param})` : '';
      return `${method}${location.url}${param}`;
    }
    case 'package': {
      const pkg = location.version !== undefined ? `${location.name}@${location.version}` : location.name;
      const where = location.image ?? (location.file !== undefined ? normalizePath(location.file) : undefined);
      return where !== undefined ? `${pkg} in ${where}` : pkg;
    }
  }
}
