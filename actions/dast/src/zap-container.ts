import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ServiceError } from '@rampart/core';

const run = promisify(execFile);

/** The state key under which the main step tells the post step which container to stop. */
export const ZAP_CONTAINER_STATE = 'zap-container';

export interface ZapContainer {
  id: string;
  url: string;
}

export type Exec = (file: string, args: string[]) => Promise<{ stdout: string }>;

export const nodeExec: Exec = (file, args) => run(file, args, { timeout: 600_000 });

/** Whether a Docker CLI answers; GitHub's Linux runners have one, macOS and Windows runners do not. */
export async function dockerAvailable(exec: Exec): Promise<boolean> {
  try {
    await exec('docker', ['version', '--format', '{{.Server.Version}}']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts ZAP's image as a daemon with a fresh API key, listening on the runner's loopback only (host network, so
 * ZAP reaches a target on localhost too). Arguments are an array: no input is ever part of a shell string.
 */
export async function startZapContainer(exec: Exec, image: string, port: number, apiKey: string): Promise<ZapContainer> {
  const args = [
    'run', '--detach', '--rm', '--network', 'host', '--user', 'zap', image,
    'zap.sh', '-daemon', '-host', '127.0.0.1', '-port', String(port),
    '-config', `api.key=${apiKey}`, '-config', 'api.addrs.addr.name=127.0.0.1', '-config', 'api.addrs.addr.regex=false',
  ];
  let stdout: string;
  try {
    ({ stdout } = await exec('docker', args));
  } catch (e) {
    throw new ServiceError(`could not start ZAP (${image}): ${(e as Error).message.split('\n')[0] ?? ''}`);
  }
  const id = stdout.trim().split('\n').pop() ?? '';
  if (!/^[0-9a-f]{12,64}$/.test(id)) throw new ServiceError(`docker run did not print a container id (got "${id.slice(0, 80)}")`);
  return { id, url: `http://127.0.0.1:${port}` };
}

export async function stopZapContainer(exec: Exec, id: string): Promise<void> {
  await exec('docker', ['rm', '--force', id]);
}
