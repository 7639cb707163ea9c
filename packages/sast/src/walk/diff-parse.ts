/** What a unified diff (from `git diff -U0` or `git log -p -U0`) says, one event at a time. */
export type DiffEvent =
  | { type: 'commit'; commit: string }
  | { type: 'file'; path: string }
  | { type: 'added'; path: string; line: number; text: string };

export interface HunkHeader {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** `@@ -a,b +c,d @@`; an omitted count means 1. Undefined for anything else, including absurd numbers. */
export function parseHunkHeader(line: string): HunkHeader | undefined {
  const m = HUNK_HEADER.exec(line);
  if (!m) return undefined;
  const nums = [m[1], m[2] ?? '1', m[3], m[4] ?? '1'].map(Number);
  const [oldStart, oldCount, newStart, newCount] = nums;
  if (oldStart === undefined || oldCount === undefined || newStart === undefined || newCount === undefined) return undefined;
  if (!nums.every(Number.isSafeInteger)) return undefined;
  return { oldStart, oldCount, newStart, newCount };
}

const C_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Undoes git's C-style quoting of unusual file names (`"b/tab\there"`, octal escapes for raw bytes, which are
 * UTF-8). A name that is not quoted is returned as it is.
 */
export function unquoteGitPath(raw: string): string {
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) return raw;
  const bytes: number[] = [];
  const body = Buffer.from(raw.slice(1, -1), 'utf8');
  for (let i = 0; i < body.length; i++) {
    const byte = body[i] ?? 0;
    if (byte !== 0x5c || i + 1 >= body.length) {
      bytes.push(byte);
      continue;
    }
    const next = String.fromCharCode(body[i + 1] ?? 0);
    const octal = /^[0-3][0-7]{2}$/.exec(body.subarray(i + 1, i + 4).toString('latin1'));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? (body[i + 1] ?? 0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The new-side path of a `+++ ` line, without the `b/` prefix; undefined for `/dev/null` (a deleted file). */
export function parseNewPath(header: string): string | undefined {
  // git appends a tab after a name that contains a space, so that patch(1) can tell where the name ends.
  const raw = header.endsWith('\t') ? header.slice(0, -1) : header;
  if (raw === '/dev/null') return undefined;
  const name = unquoteGitPath(raw);
  return name.startsWith('b/') ? name.slice(2) : name;
}

/**
 * A streaming parser: feed it lines, get events. Inside a hunk the counts from its header say how many `-` and `+`
 * lines follow, so an added line that itself starts with `++ ` or `@@ ` is never mistaken for a header.
 */
export class UnifiedDiffParser {
  private path: string | undefined;
  private oldLeft = 0;
  private newLeft = 0;
  private newLine = 0;

  /** `commitMarker` starts the lines that `git log --format` prints for each commit. */
  constructor(private readonly commitMarker?: string) {}

  push(line: string): DiffEvent | undefined {
    if (this.oldLeft > 0 || this.newLeft > 0) {
      const event = this.hunkLine(line);
      if (event !== false) return event;
    }
    return this.headerLine(line);
  }

  /** false: not a hunk line after all (a truncated hunk), so the line is read as a header. */
  private hunkLine(line: string): DiffEvent | undefined | false {
    const kind = line[0];
    if (kind === '+' && this.newLeft > 0) {
      this.newLeft--;
      const event = this.path === undefined ? undefined : { type: 'added' as const, path: this.path, line: this.newLine, text: line.slice(1) };
      this.newLine++;
      return event;
    }
    if (kind === '-' && this.oldLeft > 0) {
      this.oldLeft--;
      return undefined;
    }
    if (kind === ' ' && this.oldLeft > 0 && this.newLeft > 0) {
      this.oldLeft--;
      this.newLeft--;
      this.newLine++;
      return undefined;
    }
    if (kind === '\\') return undefined;
    this.oldLeft = 0;
    this.newLeft = 0;
    return false;
  }

  private headerLine(line: string): DiffEvent | undefined {
    if (this.commitMarker !== undefined && line.startsWith(this.commitMarker)) {
      this.path = undefined;
      return { type: 'commit', commit: line.slice(this.commitMarker.length).trim() };
    }
    if (line.startsWith('diff ')) {
      this.path = undefined;
    } else if (line.startsWith('+++ ')) {
      this.path = parseNewPath(line.slice(4));
      if (this.path !== undefined) return { type: 'file', path: this.path };
    } else if (line.startsWith('@@ ')) {
      const hunk = parseHunkHeader(line);
      if (hunk) {
        this.oldLeft = hunk.oldCount;
        this.newLeft = hunk.newCount;
        this.newLine = hunk.newStart;
      }
    }
    return undefined;
  }
}
