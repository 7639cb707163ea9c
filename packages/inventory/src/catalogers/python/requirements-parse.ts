import { UserError } from '@rampart/core';
import { hexHash } from '../../hashes.js';
import type { PackageHash } from '../../types.js';
import { parseRequirement, type Requirement } from './pep508.js';

/** One thing a requirements file says, in file order. */
export type RequirementsEntry =
  | { kind: 'requirement'; line: number; requirement: Requirement; hashes: PackageHash[]; via?: string[] }
  | { kind: 'include'; line: number; target: string; constraint: boolean }
  | { kind: 'problem'; line: number; message: string };

interface LogicalLine {
  line: number;
  text: string;
  /** pip-compile's `# via` annotation, inline or on the comment lines that follow. */
  via?: string[];
}

// Options pip accepts on their own line that change where or how packages are fetched, not which ones.
const GLOBAL_OPTIONS = new Set([
  '-i', '--index-url', '--extra-index-url', '--no-index', '-f', '--find-links', '--no-binary', '--only-binary',
  '--prefer-binary', '--require-hashes', '--pre', '--trusted-host', '--use-feature',
]);

/**
 * Joins `\` continuations, drops comments (pip: `#` at line start or after whitespace) and keeps pip-compile's
 * `# via` annotations with the requirement they follow, since they are the only dependency edges the format has.
 */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let buffer: { line: number; text: string } | undefined;
  let viaOpen = false;
  const physical = text.split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] ?? '';
    const last = out[out.length - 1];
    const viaStart = /^\s*#\s+via(?:\s+(.*))?$/.exec(raw);
    if (buffer === undefined && viaStart && last) {
      last.via = [...(last.via ?? []), ...splitVia(viaStart[1] ?? '')];
      viaOpen = true;
      continue;
    }
    const viaMore = /^\s*#\s{2,}(\S.*)$/.exec(raw);
    if (buffer === undefined && viaOpen && viaMore && last) {
      last.via = [...(last.via ?? []), ...splitVia(viaMore[1] ?? '')];
      continue;
    }
    viaOpen = false;
    const inlineVia = /\s#\s*via\s+(.*)$/.exec(raw);
    const stripped = raw.replace(/(^|\s)#.*$/, '');
    const continued = /\\$/.test(stripped);
    const piece = continued ? stripped.slice(0, -1) : stripped;
    buffer = buffer ? { line: buffer.line, text: `${buffer.text} ${piece}` } : { line: i + 1, text: piece };
    if (continued) continue;
    if (buffer.text.trim() !== '') {
      out.push({ ...buffer, text: buffer.text.trim(), ...(inlineVia ? { via: splitVia(inlineVia[1] ?? '') } : {}) });
    }
    buffer = undefined;
  }
  if (buffer && buffer.text.trim() !== '') out.push({ ...buffer, text: buffer.text.trim() });
  return out;
}

function splitVia(text: string): string[] {
  const t = text.trim();
  if (t === '') return [];
  // `-r requirements.in` is one annotation; plain names may be comma-separated (older pip-tools).
  return /^-[rc]\s/.test(t) ? [t] : t.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function optionValue(tokens: string[], i: number, name: string): { value?: string; next: number } {
  const token = tokens[i] ?? '';
  if (token.includes('=')) return { value: token.slice(token.indexOf('=') + 1), next: i + 1 };
  if (token.length > 2 && !token.startsWith('--') && token.startsWith(name)) {
    return { value: token.slice(name.length), next: i + 1 };
  }
  const value = tokens[i + 1];
  return value === undefined ? { next: i + 1 } : { value, next: i + 2 };
}

function parseOptionLine(line: LogicalLine): RequirementsEntry | undefined {
  const tokens = line.text.split(/\s+/);
  const first = tokens[0] ?? '';
  const flag = first.replace(/=.*$/, '');
  const include = flag === '-r' || flag === '--requirement' || /^-r\S/.test(first);
  const constraint = flag === '-c' || flag === '--constraint' || /^-c\S/.test(first);
  if (include || constraint) {
    const { value } = optionValue(tokens, 0, include ? '-r' : '-c');
    if (!value) return { kind: 'problem', line: line.line, message: `${first} names no file` };
    return { kind: 'include', line: line.line, target: value, constraint };
  }
  if (flag === '-e' || flag === '--editable' || /^-e\S/.test(first)) {
    return { kind: 'problem', line: line.line, message: `editable requirement is not a pinned package: ${line.text}` };
  }
  if (GLOBAL_OPTIONS.has(flag) || /^-[if]\S/.test(first)) return undefined;
  return { kind: 'problem', line: line.line, message: `unknown option ${flag}` };
}

/** pip installs a line as a path or URL when it looks like one rather than like `name[extras] spec`. */
function isPathOrUrl(text: string): boolean {
  return (
    /^(\.{1,2}([/\\]|$)|[/\\~]|[a-z][a-z0-9+.-]*:\/\/|(git|hg|svn|bzr)\+)/i.test(text) ||
    (!text.includes('@') && /[/\\]/.test(text)) ||
    /\.(whl|tar\.gz|zip|tar\.bz2)$/i.test(text)
  );
}

function parseRequirementLine(path: string, line: LogicalLine): RequirementsEntry {
  // Per-requirement options (`--hash`, `--config-settings`) follow the requirement, each starting with `--`.
  const optionAt = line.text.search(/(^|\s)--/);
  const reqText = (optionAt < 0 ? line.text : line.text.slice(0, optionAt)).trim();
  const options = optionAt < 0 ? [] : line.text.slice(optionAt).trim().split(/\s+/);
  if (isPathOrUrl(reqText)) {
    return { kind: 'problem', line: line.line, message: `a path or URL, not a pinned package: ${reqText}` };
  }
  const requirement = parseRequirement(reqText);
  if (!requirement) {
    throw new UserError(`invalid requirement "${reqText.slice(0, 80)}"`, {
      file: path,
      line: line.line,
      expected: 'a PEP 508 requirement such as name==1.2.3',
    });
  }
  const hashes: PackageHash[] = [];
  for (let i = 0; i < options.length; ) {
    const token = options[i] ?? '';
    const { value, next } = optionValue(options, i, '--hash');
    i = token.includes('=') ? i + 1 : next;
    if (!token.startsWith('--hash') || !value) continue;
    const [alg, digest] = value.split(':');
    const hash = alg === 'sha256' || alg === 'sha384' || alg === 'sha512' ? hexHash(digest, alg) : undefined;
    // The file does not say which distribution each hash belongs to; the model holds one digest per algorithm.
    if (hash && !hashes.some((h) => h.alg === hash.alg)) hashes.push(hash);
  }
  return { kind: 'requirement', line: line.line, requirement, hashes, ...(line.via ? { via: line.via } : {}) };
}

/** Parses a pip requirements file into entries; an invalid requirement line is a UserError, as it is for pip. */
export function parseRequirementsFile(path: string, text: string): RequirementsEntry[] {
  const out: RequirementsEntry[] = [];
  for (const line of logicalLines(text)) {
    if (line.text.startsWith('-')) {
      const entry = parseOptionLine(line);
      if (entry) out.push(entry);
    } else {
      out.push(parseRequirementLine(path, line));
    }
  }
  return out;
}
