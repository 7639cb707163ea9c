import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ZIP_LIMITS, fileAccess, ServiceError, silentLogger, UserError, ZipError, zipEntries, type Logger, type ZipLimits } from '@rampart/core';
import { baseEcosystem, normalizeName } from '../osv/ecosystem.js';
import { parseOsvRecord } from '../osv/parse.js';
import { RetryingClient, type RetryPolicy } from './http.js';
import { ecosystemDir, FORMAT, INDEX, metadataPath, mirrorRoot, readMetadata, RECORDS, writeAtomic, type EcosystemEntry } from './layout.js';

export const OSV_BUCKET = 'https://osv-vulnerabilities.storage.googleapis.com';

export interface PullOptions extends RetryPolicy {
  /** Whole ecosystems as the OSV bucket names them: npm, PyPI, Go, Debian, Alpine, Ubuntu ... */
  ecosystems: readonly string[];
  /** `RAMPART_CACHE_DIR` or the user cache dir; the CLI resolves it. */
  cacheDir: string;
  baseUrl?: string;
  /** For each archive's download, retries and waits included. */
  timeoutMs?: number;
  maxDownloadBytes?: number;
  zipLimits?: ZipLimits;
  now?: () => Date;
  logger?: Logger;
}

export interface PullResult {
  ecosystem: string;
  url: string;
  pulledAt: string;
  records: number;
  /** Archive entries that were not usable records, with the first few reasons. */
  skipped: number;
  problems: string[];
}

const MAX_PROBLEMS = 20;
const FLUSH_BYTES = 4 * 1024 * 1024;

function checkEcosystem(name: string): void {
  if (name.includes(':')) {
    throw new UserError(`pull whole ecosystems, not releases: "${name}"`, { field: 'ecosystems', expected: `${baseEcosystem(name)} (every release is in its archive)` });
  }
  if (!/^[A-Za-z][A-Za-z0-9 ._-]*$/.test(name) || name.includes('..')) {
    throw new UserError(`"${name}" is not an OSV ecosystem name`, { field: 'ecosystems', expected: 'a name such as npm, PyPI, Go, Debian, Alpine' });
  }
}

async function download(client: RetryingClient, url: string, file: string, maxBytes: number, ecosystem: string): Promise<void> {
  const res = await client.request(url);
  if (res.status === 404) {
    await res.body?.cancel().catch(() => undefined);
    throw new UserError(`the OSV database has no archive for ecosystem "${ecosystem}" (${url} answered 404)`, {
      field: 'ecosystems',
      expected: 'an OSV ecosystem name, spelled as in https://ossf.github.io/osv-schema/#affectedpackage-field',
    });
  }
  if (!res.ok || !res.body) throw new ServiceError(`${url} answered HTTP ${res.status}`);
  const handle = await open(file, 'w');
  let size = 0;
  let writing = false;
  try {
    for await (const chunk of res.body) {
      size += chunk.length;
      if (size > maxBytes) throw new ServiceError(`${url} is larger than ${maxBytes} bytes; not what an OSV archive should be`);
      writing = true;
      await handle.write(chunk);
      writing = false;
    }
  } catch (e) {
    // A connection dropped or timed out mid-body is the service failing; a failed write (disk full) is not.
    if (e instanceof ServiceError || writing) throw e;
    throw new ServiceError(`downloading ${url} failed after ${size} bytes: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  } finally {
    await handle.close();
  }
}

interface Built {
  records: number;
  skipped: number;
  problems: string[];
}

/** Archive -> records.jsonl (parsed records, one per line) and index.json (name -> line offsets). */
async function buildMirror(zipFile: string, dir: string, ecosystem: string, limits: ZipLimits): Promise<Built> {
  const access = await fileAccess(zipFile);
  const out = await open(join(dir, RECORDS), 'w');
  const names = new Map<string, number[]>();
  const built: Built = { records: 0, skipped: 0, problems: [] };
  const skip = (reason: string): void => {
    built.skipped++;
    if (built.problems.length < MAX_PROBLEMS) built.problems.push(reason);
  };
  let offset = 0;
  // Lines go out in large writes: one write per record costs more than parsing it.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pendingBytes > 0) await out.write(Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  try {
    for await (const item of zipEntries(access, (n) => n.endsWith('.json'), limits)) {
      if ('problem' in item) {
        skip(item.problem);
        continue;
      }
      let json: unknown;
      try {
        json = JSON.parse(item.data.toString('utf8'));
      } catch (e) {
        skip(`${item.name}: not JSON: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      const parsed = parseOsvRecord(json);
      if (!parsed.ok) {
        skip(`${item.name}: ${parsed.reason}`);
        continue;
      }
      const keys = new Set(
        parsed.record.affected.filter((a) => baseEcosystem(a.package.ecosystem) === ecosystem).map((a) => normalizeName(ecosystem, a.package.name)),
      );
      if (keys.size === 0) continue;
      // The record as published, compacted: the scan parses it again exactly as it parses an API answer.
      const line = Buffer.from(`${JSON.stringify(json)}\n`, 'utf8');
      pending.push(line);
      pendingBytes += line.length;
      if (pendingBytes >= FLUSH_BYTES) await flush();
      for (const key of keys) {
        // In place: Debian's `linux` alone has thousands of records, and copying the list each time is quadratic.
        const spans = names.get(key);
        if (spans) spans.push(offset, line.length);
        else names.set(key, [offset, line.length]);
      }
      offset += line.length;
      built.records++;
    }
    await flush();
  } catch (e) {
    if (e instanceof ZipError) throw new ServiceError(`the ${ecosystem} archive is not a usable zip: ${e.message}`);
    throw e;
  } finally {
    await out.close();
    await access.close();
  }
  const index = { format: FORMAT, ecosystem, names: [...names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
  await writeAtomic(join(dir, INDEX), JSON.stringify(index));
  return built;
}

/** Keeps the current and the previous version: a scan that read the old metadata a moment ago can still finish. */
async function prune(cacheDir: string, ecosystem: string, keep: readonly string[]): Promise<void> {
  const dir = ecosystemDir(cacheDir, ecosystem);
  const stale = (await readdir(dir).catch(() => [] as string[])).filter((v) => !keep.includes(v));
  for (const v of stale) await rm(join(dir, v), { recursive: true, force: true });
}

async function pullOne(ecosystem: string, client: RetryingClient, options: PullOptions, baseUrl: string): Promise<PullResult> {
  const logger = options.logger ?? silentLogger;
  const url = `${baseUrl}/${encodeURIComponent(ecosystem)}/all.zip`;
  const pulledAt = (options.now?.() ?? new Date()).toISOString();
  const version = `${pulledAt.replace(/[^0-9]/g, '').slice(0, 14)}-${randomBytes(4).toString('hex')}`;
  const temp = join(mirrorRoot(options.cacheDir), '.tmp', `${encodeURIComponent(ecosystem)}-${version}`);
  await mkdir(temp, { recursive: true });
  try {
    logger.info(`downloading ${url}`);
    await download(client, url, join(temp, 'all.zip'), options.maxDownloadBytes ?? 4 * 1024 ** 3, ecosystem);
    const built = await buildMirror(join(temp, 'all.zip'), temp, ecosystem, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
    await rm(join(temp, 'all.zip'));
    await mkdir(ecosystemDir(options.cacheDir, ecosystem), { recursive: true });
    await rename(temp, join(ecosystemDir(options.cacheDir, ecosystem), version));
    const entry: EcosystemEntry = { version, pulledAt, url, records: built.records, skipped: built.skipped };
    // Read again just before writing, so ecosystems pulled meanwhile by another run are kept.
    const metadata = (await readMetadata(options.cacheDir)) ?? { format: FORMAT, ecosystems: {} };
    const previous = metadata.ecosystems[ecosystem]?.version;
    metadata.ecosystems[ecosystem] = entry;
    await writeAtomic(metadataPath(options.cacheDir), `${JSON.stringify(metadata, null, 2)}\n`);
    await prune(options.cacheDir, ecosystem, [version, ...(previous ? [previous] : [])]);
    logger.info(`${ecosystem}: ${built.records} records${built.skipped > 0 ? `, ${built.skipped} skipped` : ''}`);
    return { ecosystem, url, pulledAt, ...built };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Downloads each ecosystem's OSV archive (`<baseUrl>/<Ecosystem>/all.zip`) and turns it into the offline mirror:
 * parsed records plus an index by package name, so a scan reads only the records of the packages it has.
 */
export async function pullDatabase(options: PullOptions): Promise<PullResult[]> {
  if (options.ecosystems.length === 0) throw new UserError('no ecosystems to pull', { field: 'ecosystems', expected: 'at least one ecosystem' });
  options.ecosystems.forEach(checkEcosystem);
  const baseUrl = (options.baseUrl ?? OSV_BUCKET).replace(/\/+$/, '');
  await mkdir(mirrorRoot(options.cacheDir), { recursive: true });
  const results: PullResult[] = [];
  for (const ecosystem of [...new Set(options.ecosystems)]) {
    // A limit per archive: npm's and Debian's are large, and one slow archive should not starve the next.
    const client = new RetryingClient('the OSV database bucket', Date.now() + (options.timeoutMs ?? 30 * 60_000), options);
    results.push(await pullOne(ecosystem, client, options, baseUrl));
  }
  return results;
}
