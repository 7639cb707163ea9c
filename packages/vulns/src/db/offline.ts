import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '@rampart/core';
import { baseEcosystem, normalizeName } from '../osv/ecosystem.js';
import { parseOsvJson } from '../osv/parse.js';
import type { OsvRecord } from '../osv/types.js';
import { ecosystemDir, INDEX, metadataPath, mirrorRoot, readIndex, readMetadata, RECORDS, type MirrorMetadata } from './layout.js';
import type { PackageQuery, SourceAnswer, VulnSource } from './source.js';

export interface OfflineOptions {
  cacheDir: string;
  now?: () => Date;
}

export interface DatabaseInfo {
  ecosystem: string;
  pulledAt: string;
  /** How old the data is at the time of asking, for "database is N days old" warnings. */
  ageMs: number;
  records: number;
  url: string;
}

export interface OfflineSource extends VulnSource {
  databases(): Promise<DatabaseInfo[]>;
}

interface Opened {
  names: Map<string, number[]>;
  file: string;
}

function pullHint(cacheDir: string, ecosystems: readonly string[]): string {
  return `run \`rampart db pull ${ecosystems.map((e) => `--ecosystem ${e.includes(' ') ? `'${e}'` : e}`).join(' ')}\` (cache dir ${cacheDir})`;
}

async function readLines(handle: FileHandle, spans: readonly number[], file: string, problems: string[]): Promise<OsvRecord[]> {
  const records: OsvRecord[] = [];
  for (let i = 0; i + 1 < spans.length; i += 2) {
    const [offset, length] = [spans[i] as number, spans[i + 1] as number];
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, offset);
    const parsed = parseOsvJson(buf.subarray(0, bytesRead).toString('utf8'));
    if (parsed.ok) {
      records.push(parsed.record);
      problems.push(...parsed.skipped.map((s) => `${parsed.record.id}: ${s}`));
    } else problems.push(`${file} at ${offset}: ${parsed.reason}; run \`rampart db pull\` again`);
  }
  return records;
}

/**
 * The offline mirror `pullDatabase` wrote. A query for an ecosystem that was never pulled is a UserError telling
 * the user to pull it; nothing is fetched from the network.
 */
export function offlineSource(options: OfflineOptions): OfflineSource {
  const { cacheDir } = options;
  let metadata: Promise<MirrorMetadata> | undefined;
  const indexes = new Map<string, Promise<Opened>>();

  const loadMetadata = (): Promise<MirrorMetadata> => {
    metadata ??= readMetadata(cacheDir).then((m) => {
      if (m === undefined) {
        throw new UserError(`there is no offline OSV database yet; ${pullHint(cacheDir, ['<ecosystem>'])}`, {
          file: metadataPath(cacheDir),
          expected: 'the metadata written by rampart db pull',
        });
      }
      return m;
    });
    return metadata;
  };

  const loadIndex = (meta: MirrorMetadata, ecosystem: string): Promise<Opened> => {
    let opened = indexes.get(ecosystem);
    if (!opened) {
      const entry = meta.ecosystems[ecosystem];
      if (entry === undefined) throw new Error(`no metadata entry for ${ecosystem}`);
      const dir = join(ecosystemDir(cacheDir, ecosystem), entry.version);
      opened = readIndex(join(dir, INDEX)).then((index) => {
        if (index === undefined || index.ecosystem !== ecosystem) {
          throw new UserError(`the offline OSV database for ${ecosystem} is incomplete; ${pullHint(cacheDir, [ecosystem])}`, {
            file: join(dir, INDEX),
            expected: `the ${ecosystem} index written by rampart db pull`,
          });
        }
        return { names: new Map(index.names), file: join(dir, RECORDS) };
      });
      indexes.set(ecosystem, opened);
    }
    return opened;
  };

  return {
    description: `offline OSV mirror in ${mirrorRoot(cacheDir)}`,

    async databases(): Promise<DatabaseInfo[]> {
      const meta = await readMetadata(cacheDir);
      const now = (options.now?.() ?? new Date()).getTime();
      return Object.entries(meta?.ecosystems ?? {})
        .map(([ecosystem, e]) => ({ ecosystem, pulledAt: e.pulledAt, ageMs: now - Date.parse(e.pulledAt), records: e.records, url: e.url }))
        .sort((a, b) => (a.ecosystem < b.ecosystem ? -1 : 1));
    },

    async query(queries: readonly PackageQuery[]): Promise<SourceAnswer> {
      const meta = await loadMetadata();
      const needed = [...new Set(queries.map((q) => baseEcosystem(q.ecosystem)))].sort();
      const missing = needed.filter((e) => !Object.hasOwn(meta.ecosystems, e));
      if (missing.length > 0) {
        throw new UserError(`the offline OSV database has no ${missing.join(', ')} data; ${pullHint(cacheDir, missing)}`, {
          file: metadataPath(cacheDir),
          field: `ecosystems.${missing[0]}`,
          expected: 'every ecosystem the scanned packages come from, pulled with rampart db pull',
        });
      }
      const problems: string[] = [];
      const handles = new Map<string, FileHandle>();
      try {
        const records: OsvRecord[][] = [];
        for (const q of queries) {
          const base = baseEcosystem(q.ecosystem);
          const opened = await loadIndex(meta, base);
          const spans = opened.names.get(normalizeName(q.ecosystem, q.name)) ?? [];
          if (spans.length === 0) {
            records.push([]);
            continue;
          }
          let handle = handles.get(opened.file);
          if (!handle) {
            handle = await open(opened.file, 'r');
            handles.set(opened.file, handle);
          }
          records.push(await readLines(handle, spans, opened.file, problems));
        }
        return { records, problems };
      } finally {
        for (const h of handles.values()) await h.close();
      }
    },
  };
}
