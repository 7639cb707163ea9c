import * as cp from 'child_process';
import { exec, execSync } from 'node:child_process';
import type { Request, Response } from 'express';

export function archive(req: Request<{ dir: string }>, res: Response): void {
  const dir = req.params.dir as string;
  // ruleid: js.command-injection.exec-dynamic-string
  exec(`tar -czf out.tgz ${dir}`, (err: Error | null, out: string) => res.send(out));
  // ruleid: js.command-injection.exec-dynamic-string
  const out = execSync('du -sh ' + (req.query.path as string)).toString();
  // ruleid: js.command-injection.spawn-shell-dynamic
  cp.spawn(`ls ${dir}`, { shell: true } as cp.SpawnOptions);
  // ok: js.command-injection.exec-dynamic-string
  cp.execFile('tar', ['-czf', 'out.tgz', dir], (err) => res.send(String(err)));
  // ok: js.command-injection.spawn-shell-dynamic
  cp.spawn('ls', [dir], { shell: false });
}
