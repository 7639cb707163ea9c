/** One instruction of a Dockerfile, continuations joined. */
export interface DockerInstruction {
  /** Upper-cased: FROM, RUN, USER... */
  keyword: string;
  /** Everything after the keyword, continuation lines joined with a space, heredoc bodies appended. */
  args: string;
  /** The JSON (exec) form's items when the arguments are a JSON array of strings. */
  json?: string[];
  /** 1-based line of the keyword, and of the last line the instruction spans. */
  line: number;
  endLine: number;
}

export interface DockerfileParse {
  instructions: DockerInstruction[];
  /** Parser directives at the top (`# syntax=`, `# escape=`), lower-cased names. */
  directives: Map<string, string>;
}

const DIRECTIVE = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/;
const HEREDOC = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g;

function readDirectives(lines: readonly string[]): { directives: Map<string, string>; start: number } {
  const directives = new Map<string, string>();
  let i = 0;
  // Directives end at the first line that is not one, as BuildKit reads them.
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i] ?? '');
    if (m === null) break;
    directives.set((m[1] ?? '').toLowerCase(), m[2] ?? '');
  }
  return { directives, start: i };
}

function jsonForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(args);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

function endsWithEscape(line: string, escape: string): boolean {
  return line.trimEnd().endsWith(escape);
}

/** Reads heredoc bodies named in `text` from `lines[at]` on; returns the bodies and the next line index. */
function readHeredocs(text: string, lines: readonly string[], at: number): { bodies: string[]; next: number } {
  const bodies: string[] = [];
  let i = at;
  for (const m of text.matchAll(HEREDOC)) {
    const word = m[1] ?? '';
    const body: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== word) body.push(lines[i++] ?? '');
    i++;
    bodies.push(body.join('\n'));
  }
  return { bodies, next: i };
}

/**
 * A Dockerfile as BuildKit reads it: parser directives, comments, line continuations with the escape
 * character (`\` or `` ` ``), JSON and shell forms, heredocs. It never fails: text that is not an
 * instruction is skipped, because `docker build` is the judge of syntax, not a scanner.
 */
export function parseDockerfile(text: string): DockerfileParse {
  const lines = text.split(/\r\n|\r|\n/);
  const { directives, start } = readDirectives(lines);
  const escape = directives.get('escape') === '`' ? '`' : '\\';
  const instructions: DockerInstruction[] = [];
  let i = start;
  while (i < lines.length) {
    const first = lines[i] ?? '';
    const trimmed = first.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const startLine = i + 1;
    const parts: string[] = [];
    let cur = first;
    for (;;) {
      const more = endsWithEscape(cur, escape);
      parts.push(more ? cur.trimEnd().slice(0, -1) : cur);
      i++;
      if (!more) break;
      // Comment lines inside a continued instruction are dropped, as the builder does.
      while (i < lines.length && /^\s*#/.test(lines[i] ?? '')) i++;
      if (i >= lines.length) break;
      cur = lines[i] ?? '';
    }
    const joined = parts.map((p) => p.trim()).join(' ').trim();
    const m = /^(\S+)\s*(.*)$/s.exec(joined);
    const keyword = (m?.[1] ?? '').toUpperCase();
    let args = (m?.[2] ?? '').trim();
    if (/<<-?\s*["']?[A-Za-z_]/.test(args) && (keyword === 'RUN' || keyword === 'COPY')) {
      const { bodies, next } = readHeredocs(args, lines, i);
      i = next;
      if (bodies.length > 0) args = `${args}\n${bodies.join('\n')}`;
    }
    const json = jsonForm(args);
    instructions.push({ keyword, args, ...(json ? { json } : {}), line: startLine, endLine: i });
  }
  return { instructions, directives };
}

/** The `--name=value` flags in front of an instruction's arguments (`FROM --platform=...`, `COPY --from=...`). */
export function splitFlags(args: string): { flags: Map<string, string>; rest: string } {
  const flags = new Map<string, string>();
  let rest = args;
  for (;;) {
    const m = /^--([a-zA-Z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (m === null) break;
    flags.set((m[1] ?? '').toLowerCase(), m[2] ?? '');
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

/** Stages of a multi-stage build: each FROM and the instructions up to the next one. */
export interface DockerStage {
  from: DockerInstruction;
  image: string;
  name: string | undefined;
  instructions: DockerInstruction[];
}

export function stagesOf(instructions: readonly DockerInstruction[]): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const { rest } = splitFlags(ins.args);
      const words = rest.split(/\s+/);
      const asAt = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({ from: ins, image: words[0] ?? '', name: asAt >= 0 ? words[asAt + 1]?.toLowerCase() : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(ins);
    }
  }
  return stages;
}
