import { runOk } from './exec.js';

const umoci = (args: string[]) => runOk('umoci', args);

/** A new OCI image layout at `layout` with an empty image tagged `tag`. */
export async function umociInit(layout: string, tag = 'latest'): Promise<void> {
  await umoci(['init', '--layout', layout]);
  await umoci(['new', '--image', `${layout}:${tag}`]);
}

/** Adds a layer holding `source` at `target` (umoci insert). */
export async function umociInsert(layout: string, source: string, target: string, tag = 'latest'): Promise<void> {
  await umoci(['insert', '--image', `${layout}:${tag}`, source, target]);
}

export async function umociUnpack(layout: string, bundle: string, tag = 'latest'): Promise<void> {
  await umoci(['unpack', '--image', `${layout}:${tag}`, bundle]);
}

/** Adds a layer with what changed in the bundle's rootfs since unpack: new files, and whiteouts for deleted ones. */
export async function umociRepack(layout: string, bundle: string, tag = 'latest'): Promise<void> {
  await umoci(['repack', '--image', `${layout}:${tag}`, bundle]);
}
