import { spawnSync } from 'node:child_process';

function umoci(args: string[]): void {
  const run = spawnSync('umoci', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(`umoci ${args.join(' ')} failed (exit ${run.status}): ${run.error?.message ?? ''}${run.stderr ?? ''}`);
  }
}

/** A new OCI image layout at `layout` with an empty image tagged `tag`. */
export function umociInit(layout: string, tag = 'latest'): void {
  umoci(['init', '--layout', layout]);
  umoci(['new', '--image', `${layout}:${tag}`]);
}

/** Adds a layer holding `source` at `target` (umoci insert). */
export function umociInsert(layout: string, source: string, target: string, tag = 'latest'): void {
  umoci(['insert', '--image', `${layout}:${tag}`, source, target]);
}

export function umociUnpack(layout: string, bundle: string, tag = 'latest'): void {
  umoci(['unpack', '--image', `${layout}:${tag}`, bundle]);
}

/** Adds a layer with what changed in the bundle's rootfs since unpack: new files, and whiteouts for deleted ones. */
export function umociRepack(layout: string, bundle: string, tag = 'latest'): void {
  umoci(['repack', '--image', `${layout}:${tag}`, bundle]);
}
