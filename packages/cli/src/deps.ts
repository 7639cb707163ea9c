import { readFileSync, existsSync } from 'node:fs';

/** What the CLI needs from the outside world, passed in so tests run it in-process with fakes. */
export interface CliDeps {
  cwd: string;
  env: Record<string, string | undefined>;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress goes to stderr only when it is a terminal. */
  isTTY: boolean;
  readFile: (path: string) => string;
  exists: (path: string) => boolean;
}

export function processDeps(): CliDeps {
  return {
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    readFile: (p) => readFileSync(p, 'utf8'),
    exists: (p) => existsSync(p),
  };
}
