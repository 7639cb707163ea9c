/**
 * What catalogers read through, so the same catalogers run on a checkout (`nodeFs`), inside a container image's
 * merged layers (the container issue) or over an in-memory tree in tests (`memoryFs`).
 * Paths are relative to the tree's root and use `/`.
 */
export interface InventoryFs {
  /** Every regular file, in a stable order. Symlinks are not followed. */
  walk(): AsyncIterable<string>;
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  /** Whether a regular file exists at `path`; catalogers use it to find a lockfile's manifest beside it. */
  exists(path: string): Promise<boolean>;
}
