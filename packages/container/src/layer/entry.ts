import { UserError, type Logger } from '@rampart/core';
import type { Extract } from 'tar-stream';
import type { ImageTree, Slot } from '../tree/image-tree.js';
import type { FileNode } from '../tree/nodes.js';
import { normalizeEntryName } from '../tree/paths.js';
import type { ContentStore } from './content-store.js';
import { LayerLimitError, type LayerLimits } from './limits.js';

export interface LayerContext {
  tree: ImageTree;
  store: ContentStore;
  index: number;
  label: string;
  /** Whether a cataloger needs this file's content (a canonical path inside the image). */
  wants: (path: string) => boolean;
  limits: LayerLimits;
  logger: Logger;
  retained: { bytes: number };
  /** Uncompressed bytes of the layers below this one. */
  expandedBefore: number;
}

/** One entry of a layer: its header and its data, read as a stream. */
export type Entry = Extract extends AsyncIterable<infer T> ? T : never;

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

function userError(ctx: LayerContext, entry: string, message: string, expected?: string): UserError {
  return new UserError(`entry ${JSON.stringify(entry)}: ${message}`, {
    file: `layer ${ctx.label}`,
    ...(expected ? { expected } : {}),
  });
}

async function drain(entry: Entry): Promise<void> {
  for await (const _chunk of entry as AsyncIterable<unknown>) {
    // discard: only the merged tree's metadata is kept for this entry
  }
}

function split(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? ['', path] : [path.slice(0, slash), path.slice(slash + 1)];
}

/** `.wh.<name>` deletes `<name>` from the layers below; `.wh..wh..opq` hides all of its directory below. */
function applyWhiteout(ctx: LayerContext, dir: string, base: string): void {
  if (base === OPAQUE) ctx.tree.makeOpaque(dir, ctx.index);
  // Other `.wh..wh.` names are AUFS bookkeeping (hard-link pools), not files of the image.
  else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
    const name = base.slice(WHITEOUT.length);
    ctx.tree.remove(dir === '' ? name : `${dir}/${name}`);
  }
}

async function keepFile(ctx: LayerContext, entry: Entry, path: string, size: number): Promise<FileNode['content']> {
  if (!ctx.wants(path)) return undefined;
  if (ctx.retained.bytes + size > ctx.limits.maxRetainedBytes) {
    throw new LayerLimitError(`files catalogers need exceed ${ctx.limits.maxRetainedBytes} bytes`);
  }
  ctx.retained.bytes += size;
  return ctx.store.keep(entry as AsyncIterable<Buffer>, size);
}

function applyHardlink(ctx: LayerContext, name: string, linkname: string, slot: Slot): void {
  const target = normalizeEntryName(linkname);
  if (target === null || target === undefined) {
    throw userError(ctx, name, `hard link to ${JSON.stringify(linkname)} points outside the image`, 'a link to an earlier entry of the image');
  }
  // Hard links name the link itself, not what a symlink there points to.
  const node = ctx.tree.lookup(target, false)?.node;
  if (node?.kind !== 'file' && node?.kind !== 'symlink') {
    ctx.logger.warn(`layer ${ctx.label}: hard link ${name} -> ${linkname}: no earlier file of that name; skipped`);
    return;
  }
  if (node.kind === 'file' && !node.content && ctx.wants(slot.path)) {
    // The content went by under the target's name, which no cataloger claims; a second pass is not worth it.
    ctx.logger.warn(`layer ${ctx.label}: ${name} is a hard link to ${linkname}, whose content was not kept; not cataloged`);
  }
  ctx.tree.put(slot, { ...node, layer: ctx.index, touched: ctx.index });
}

/** Applies one tar entry to the merged tree, reading (or discarding) its data. */
export async function applyEntry(ctx: LayerContext, entry: Entry): Promise<void> {
  const h = entry.header;
  const size = h.size ?? 0;
  if (size > ctx.limits.maxEntryBytes) {
    throw userError(ctx, h.name, `declares ${size} bytes`, `at most ${ctx.limits.maxEntryBytes} bytes per entry`);
  }
  const path = normalizeEntryName(h.name);
  if (path === null) throw userError(ctx, h.name, 'name climbs out of the image with ".."', 'a path inside the image');
  if (path === undefined) return drain(entry);
  const [dir, base] = split(path);
  if (base.startsWith(WHITEOUT)) {
    applyWhiteout(ctx, dir, base);
    return drain(entry);
  }
  // tar-stream reports type flags it does not know (GNU sparse, volume headers) as null: skipped, not read as files.
  const type = h.type ?? 'unknown';
  if (type === 'character-device' || type === 'block-device' || type === 'fifo') {
    // Never created; a device node at a path still hides what lower layers had there.
    ctx.tree.remove(path);
    return drain(entry);
  }
  if (type !== 'file' && type !== 'contiguous-file' && type !== 'directory' && type !== 'symlink' && type !== 'link') {
    ctx.logger.warn(`layer ${ctx.label}: ${h.name}: entry type ${type} is not supported; skipped`);
    return drain(entry);
  }
  const slot = ctx.tree.slotFor(path, ctx.index);
  if (!slot) throw userError(ctx, h.name, 'its directory is a symlink that leads out of the image', 'a path inside the image');
  if (type === 'directory') ctx.tree.putDir(slot, ctx.index);
  else if (type === 'symlink') ctx.tree.put(slot, { kind: 'symlink', target: h.linkname ?? '', layer: ctx.index, touched: ctx.index });
  else if (type === 'link') applyHardlink(ctx, h.name, h.linkname ?? '', slot);
  else {
    const content = await keepFile(ctx, entry, slot.path, size);
    const node: FileNode = { kind: 'file', size, layer: ctx.index, touched: ctx.index };
    if (content) node.content = content;
    ctx.tree.put(slot, node);
  }
  return drain(entry);
}
