import { UserError } from '@rampart/core';

/** One `name (version[-platform])` line under `specs:`, with the gems it depends on. */
export interface GemSpec {
  name: string;
  version: string;
  platform?: string;
  /** The source section: GEM, GIT, PATH or PLUGIN SOURCE. */
  sourceType: string;
  remote?: string;
  deps: string[];
  line: number;
}

export interface GemLockfile {
  specs: GemSpec[];
  /** Names under DEPENDENCIES (a trailing `!` marks a gem pinned to a GIT or PATH source). */
  dependencies: string[];
  /** `name version[-platform]` -> `sha256=...` from the CHECKSUMS section (Bundler 2.5+). */
  checksums: Map<string, string>;
  bundledWith?: string;
}

const EXPECTED = 'a Gemfile.lock: GEM/GIT/PATH sections with specs, PLATFORMS, DEPENDENCIES, BUNDLED WITH';
const SOURCES = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE']);
const OTHERS = new Set(['PLATFORMS', 'DEPENDENCIES', 'CHECKSUMS', 'RUBY VERSION', 'BUNDLED WITH']);
const SPEC = /^([^\s()]+) \(([^\s()]+)\)$/;

/** RubyGems versions never contain `-`, so the first one starts the platform (`1.15.4-x86_64-linux`). */
export function splitPlatform(full: string): { version: string; platform?: string } {
  const dash = full.indexOf('-');
  return dash < 0 ? { version: full } : { version: full.slice(0, dash), platform: full.slice(dash + 1) };
}

interface State {
  section?: string;
  remote?: string;
  current?: GemSpec;
}

function sourceLine(file: string, raw: string, n: number, st: State, out: GemLockfile): void {
  const indent = /^ */.exec(raw)?.[0].length ?? 0;
  const text = raw.trim();
  if (indent === 2) {
    const m = /^([a-z_]+):(?: (.*))?$/.exec(text);
    if (!m) throw new UserError(`line "${text.slice(0, 60)}" is not a source attribute`, { file, line: n, expected: EXPECTED });
    if (m[1] === 'remote') st.remote = m[2] ?? '';
  } else if (indent === 4) {
    const m = SPEC.exec(text);
    if (!m?.[1] || !m[2]) throw new UserError(`line "${text.slice(0, 60)}" is not "name (version)"`, { file, line: n, expected: EXPECTED });
    const { version, platform } = splitPlatform(m[2]);
    // Gem::Version's pattern before the platform, and the name characters RubyGems accepts.
    if (!/^[0-9]+(\.[0-9a-zA-Z]+)*$/.test(version) || platform === '' || !/^[A-Za-z0-9._-]+$/.test(m[1])) {
      throw new UserError(`"${text.slice(0, 60)}" is not a gem name with a version`, { file, line: n, expected: EXPECTED });
    }
    st.current = { name: m[1], version, ...(platform ? { platform } : {}), sourceType: st.section ?? '', ...(st.remote !== undefined ? { remote: st.remote } : {}), deps: [], line: n };
    out.specs.push(st.current);
  } else if (indent === 6 && st.current) {
    const name = /^([^\s()]+)/.exec(text)?.[1];
    if (name) st.current.deps.push(name);
  } else {
    throw new UserError('has a line with unexpected indentation', { file, line: n, expected: EXPECTED });
  }
}

function otherLine(raw: string, st: State, out: GemLockfile): void {
  const text = raw.trim();
  if (st.section === 'DEPENDENCIES') {
    const name = /^([^\s()!]+)/.exec(text)?.[1];
    if (name) out.dependencies.push(name);
  } else if (st.section === 'CHECKSUMS') {
    const m = /^([^\s()]+) \(([^\s()]+)\)(?: (.+))?$/.exec(text);
    if (m?.[3]) out.checksums.set(`${m[1]} ${m[2]}`, m[3]);
  } else if (st.section === 'BUNDLED WITH') {
    out.bundledWith = text;
  }
}

/** Parses Gemfile.lock the way Bundler's LockfileParser walks it: sections at column 0, content indented by two. */
export function parseGemfileLock(file: string, text: string): GemLockfile {
  const out: GemLockfile = { specs: [], dependencies: [], checksums: new Map() };
  const st: State = {};
  let known = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    if (!raw.startsWith(' ')) {
      // Bundler skips sections it does not know (a newer Bundler may add some), so this parser does too.
      if (!/^[A-Z][A-Z ]*$/.test(raw)) throw new UserError(`line "${raw.slice(0, 60)}" is not a section header`, { file, line: i + 1, expected: EXPECTED });
      st.section = raw;
      delete st.remote;
      delete st.current;
      if (SOURCES.has(raw) || OTHERS.has(raw)) known++;
      continue;
    }
    if (st.section === undefined) throw new UserError('starts with an indented line', { file, line: i + 1, expected: EXPECTED });
    if (SOURCES.has(st.section)) sourceLine(file, raw, i + 1, st, out);
    else otherLine(raw, st, out);
  }
  if (known === 0) throw new UserError('has none of the sections of a Gemfile.lock', { file, expected: EXPECTED });
  return out;
}
