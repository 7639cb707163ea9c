import type { Location } from '../../model/finding.js';
import { normalizePath } from '../../model/fingerprint.js';
import { displayLocation } from '../paths.js';
import { escapeMarkdown, truncateEscaped } from './escape.js';

export interface LinkOptions {
  /** Trusted prefix for repository files at the PR head, ending in `/`, e.g. `https://github.com/o/r/blob/<sha>/`. */
  blobBase: string;
}

/** A link longer than this is noise in a table cell and eats the comment's budget; the text stays. */
const MAX_URL = 600;
const MAX_TEXT = 200;

/**
 * Each path segment percent-encoded, plus `()` which encodeURIComponent leaves alone but would end
 * the markdown link. A path that could climb out of the repository (`..`, absolute, drive letter)
 * gets no link: finding paths come from scanned code and forks, and the URL must stay under blobBase.
 */
export function encodeRepoPath(path: string): string | undefined {
  const p = normalizePath(path);
  if (p === '' || p.startsWith('/') || /^[a-z]:/i.test(p)) return undefined;
  const segments = p.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return segments.map((s) => encodeURIComponent(s).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

function lineAnchor(start: number | undefined, end: number | undefined): string {
  if (start === undefined) return '';
  return end !== undefined && end > start ? `#L${start}-L${end}` : `#L${start}`;
}

function link(text: string, url: string): string {
  return url.length <= MAX_URL ? `[${text}](${url})` : text;
}

/**
 * GitHub and GitLab autolink bare `https://…` and `www.…` even after backslash escapes; a word joiner
 * breaks the pattern, so a scanned target URL stays text and is never a link to the target.
 */
function noAutolink(text: string): string {
  return text.replace(/:\/\//g, ':\u2060//').replace(/www\\?\./gi, (m) => `${m.slice(0, 3)}\u2060${m.slice(3)}`);
}

/** Escaped location text that never turns into a link, for places where nothing should be linked. */
export function plainLocation(location: Location): string {
  const text = truncateEscaped(escapeMarkdown(displayLocation(location)), MAX_TEXT);
  return location.type === 'url' ? noAutolink(text) : text;
}

/** The Location cell: escaped text, linked to the file (and line) at the PR head when it is in the repository. */
export function locationCell(location: Location, links: LinkOptions | undefined): string {
  const text = plainLocation(location);
  if (location.type === 'url' || links === undefined) return text;
  const base = links.blobBase.endsWith('/') ? links.blobBase : `${links.blobBase}/`;
  if (location.type === 'source') {
    const path = encodeRepoPath(location.path);
    return path === undefined ? text : link(text, `${base}${path}${lineAnchor(location.startLine, location.endLine)}`);
  }
  // An image has no file in the repository; a package found in a lockfile links the lockfile.
  if (location.image !== undefined || location.file === undefined) return text;
  const path = encodeRepoPath(location.file);
  return path === undefined ? text : link(text, `${base}${path}`);
}
