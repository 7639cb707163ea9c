import { chmod, mkdtemp, readFile, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordingLogger } from '@rampart/core';
import type { Env, RunAdaptersContext } from './types.js';

export const FIXTURES = fileURLToPath(new URL('../../test/fixtures/adapters/', import.meta.url));

export interface FakeTool {
  /** Canned report (a file under FIXTURES); `__ROOT__` in it becomes the tool's working directory. */
  report?: string;
  /** The report's text itself, instead of a fixture. */
  reportText?: string;
  /** How the real tool is told where to write: `--output=` style prefix or a flag followed by the path. */
  outFlag: string;
  exitCode?: number;
  stderr?: string;
  /** Never exits on its own, for timeout tests. */
  hang?: boolean;
}

/**
 * Writes an executable that stands in for a tool: it records its argv and cwd in `<name>.call.json`
 * and writes the canned report where its arguments say. A Node script with the test's own node as
 * interpreter, so it needs nothing else on PATH.
 */
export async function writeFakeTool(dir: string, name: string, fake: FakeTool): Promise<void> {
  const report = fake.report ? await readFile(join(FIXTURES, fake.report), 'utf8') : fake.reportText;
  const config = { ...fake, report, callFile: join(dir, `${name}.call.json`) };
  const script = `#!${process.execPath}
const fs = require('node:fs');
const c = ${JSON.stringify(config)};
const argv = process.argv.slice(2);
fs.writeFileSync(c.callFile, JSON.stringify({ argv, cwd: process.cwd() }));
if (c.hang) setInterval(() => {}, 1000);
else {
  let out;
  argv.forEach((a, i) => {
    if (c.outFlag.endsWith('=') && a.startsWith(c.outFlag)) out = a.slice(c.outFlag.length);
    else if (a === c.outFlag) out = argv[i + 1];
  });
  const root = JSON.stringify(process.cwd()).slice(1, -1);
  if (c.report !== undefined && out) fs.writeFileSync(out, c.report.split('__ROOT__').join(root));
  if (c.stderr) process.stderr.write(c.stderr);
  process.exitCode = c.exitCode ?? 0;
}
`;
  const path = join(dir, name);
  await writeFile(path, script);
  await chmod(path, 0o755);
}

export async function readFakeCall(dir: string, name: string): Promise<{ argv: string[]; cwd: string }> {
  return JSON.parse(await readFile(join(dir, `${name}.call.json`), 'utf8')) as { argv: string[]; cwd: string };
}

export async function tempDir(prefix: string): Promise<string> {
  // realpath: macOS temp dirs sit behind a symlink, and tools report resolved paths.
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

/** A PATH with only the fake tools' directory, so a real tool installed on the machine is never picked. */
export function fakeEnv(binDir: string, extra: Env = {}): Env {
  return { PATH: [binDir].join(delimiter), ...extra };
}

export function testContext(root: string, env: Env, more: Omit<Partial<RunAdaptersContext>, 'logger'> = {}): RunAdaptersContext & { logger: ReturnType<typeof recordingLogger> } {
  return { root, env, logger: recordingLogger(), ...more };
}
