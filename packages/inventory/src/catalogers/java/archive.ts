import { UserError } from '@rampart/core';
import { unzipSync } from 'fflate';

/** Limits that keep a hostile or broken archive from exhausting memory: it is read in memory and never written out. */
export const ARCHIVE_LIMITS = {
  /** The archive itself, as read from the tree. */
  archiveBytes: 512 * 1024 * 1024,
  /** One extracted entry (a nested jar; pom.properties files are tiny). */
  entryBytes: 128 * 1024 * 1024,
  /** Everything extracted from one archive. */
  totalBytes: 512 * 1024 * 1024,
  entries: 200_000,
  /** Deflate rarely beats 20:1 on jars; a far higher declared ratio is a zip bomb. */
  ratio: 1000,
};

/**
 * Extracts the entries `want` selects, after checking their declared sizes against the limits (fflate allocates
 * what the header declares, so the check has to come first). Not a zip, or absurd entries, is a UserError.
 */
export function extractEntries(file: string, bytes: Uint8Array, want: (name: string) => boolean): Record<string, Uint8Array> {
  if (bytes.length > ARCHIVE_LIMITS.archiveBytes) {
    throw new UserError(`is ${bytes.length} bytes, over the ${ARCHIVE_LIMITS.archiveBytes}-byte limit for archives`, { file });
  }
  let entries = 0;
  let total = 0;
  let refusal: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (info) => {
        entries++;
        if (entries > ARCHIVE_LIMITS.entries) refusal ??= `has more than ${ARCHIVE_LIMITS.entries} entries`;
        if (refusal !== undefined || !want(info.name)) return false;
        const ratio = info.originalSize / Math.max(info.size, 1);
        if (info.originalSize > ARCHIVE_LIMITS.entryBytes || ratio > ARCHIVE_LIMITS.ratio) {
          refusal = `entry ${info.name} declares ${info.originalSize} bytes from ${info.size} compressed`;
          return false;
        }
        total += info.originalSize;
        if (total > ARCHIVE_LIMITS.totalBytes) refusal = `entries to read add up to more than ${ARCHIVE_LIMITS.totalBytes} bytes`;
        return refusal === undefined && (info.compression === 0 || info.compression === 8);
      },
    });
  } catch (e) {
    throw new UserError(`is not a readable zip archive: ${e instanceof Error ? e.message : String(e)}`, {
      file,
      expected: 'a jar, war or ear (zip) file',
    });
  }
  if (refusal !== undefined) throw new UserError(`is refused: it ${refusal}`, { file, expected: 'a jar, war or ear within the archive limits' });
  return files;
}
