import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse, parseAsync, type SgNode } from '@ast-grep/napi';
import { silentLogger, type Logger, type RawFinding } from '@rampart/core';
import type { SastLanguage, SastRule } from '../rule-types.js';
import { languageOf, napiLang, registerLanguages } from './languages.js';
import { candidatesOf } from './prefilter.js';
import { combinable, combine, filesWithMatches } from './prescreen.js';
import { matchRoot, rulesFor, type ScanSourceOptions } from './scan-source.js';

export interface ScanFile {
  /** The path findings report, relative to the scan root. */
  path: string;
  /** Where to read the file. */
  absPath: string;
}

export interface ScanFilesOptions extends Omit<ScanSourceOptions, 'language'> {
  /** Files in flight at once (default 4): bounds memory, since each holds its text and tree. */
  concurrency?: number;
  /** Larger files are skipped, not scanned (default 1 MiB): minified bundles and generated code. */
  maxFileBytes?: number;
  /** How files are parsed; see DEFAULT_PARSER. */
  parser?: 'async' | 'sync';
  /**
   * Skip files where no rule matches with one combined ast-grep rule run on native threads (default true; see
   * prescreen.ts). Off, every file that passes the keyword prefilter is matched rule by rule.
   */
  prescreen?: boolean;
}

export interface ScanFilesResult {
  findings: RawFinding[];
  filesScanned: number;
  /** Files that could not be read or scanned; the scan goes on without them. */
  errors: { path: string; message: string }[];
  /** Files left out on purpose (too large, binary), with why. */
  skipped: { path: string; reason: string }[];
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Measured with scan-files.bench.ts (2,000 generated JavaScript/Python files of ~6 KB, 12 rules, a
 * shared 2-core machine; mean of 3 runs): sync parse 9.7 s (1 in flight) / 9.3 s (4 in flight);
 * parseAsync 7.8 s (2), 6.9 s (4), 6.9 s (8). parseAsync on libuv's pool overlaps parsing with the
 * matching, which napi runs on the main thread and which dominates, so 4 in flight is the default.
 * This parser serves the files the prescreen (prescreen.ts) passes on, which are few.
 */
export const DEFAULT_PARSER: 'async' | 'sync' = 'async';

type Outcome = { kind: 'scanned'; findings: RawFinding[] } | { kind: 'skipped'; reason: string } | { kind: 'none' };

/** What a first read tells about a file: nothing to do, or scanned rule by rule, now or if the prescreen matches. */
type Screened = Outcome | { kind: 'full' } | { kind: 'prescreen'; language: SastLanguage };

async function readBytes(file: ScanFile, maxBytes: number): Promise<Buffer | { skip: string }> {
  const info = await stat(file.absPath);
  if (!info.isFile()) return { skip: 'not a regular file' };
  if (info.size > maxBytes) return { skip: `larger than ${maxBytes} bytes` };
  const bytes = await readFile(file.absPath);
  // A NUL near the start marks a binary file that merely has a source extension.
  if (bytes.subarray(0, 8192).includes(0)) return { skip: 'binary' };
  return bytes;
}

const hasBom = (bytes: Buffer): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  // A BOM would shift every column of the first line by one.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readText(file: ScanFile, maxBytes: number): Promise<string | { skip: string }> {
  const bytes = await readBytes(file, maxBytes);
  return Buffer.isBuffer(bytes) ? decode(bytes) : bytes;
}

async function parseRoot(language: SastLanguage, text: string, parser: 'async' | 'sync'): Promise<SgNode> {
  const lang = napiLang(language);
  return parser === 'async' ? (await parseAsync(lang, text)).root() : parse(lang, text).root();
}

function rulesOf(file: ScanFile, byLanguage: Map<SastLanguage, SastRule[]>): { language: SastLanguage; rules: SastRule[] } | undefined {
  const language = languageOf(file.path);
  const rules = language !== undefined ? byLanguage.get(language) : undefined;
  return language === undefined || rules === undefined || rules.length === 0 ? undefined : { language, rules };
}

/**
 * Reads a file once to decide its fate without parsing it. A file goes to the prescreen unless ast-grep would
 * read it differently from us (a BOM, which we drop; bytes that are not UTF-8, which ast-grep skips) or a rule
 * that may match it cannot be combined.
 */
async function screenOne(file: ScanFile, byLanguage: Map<SastLanguage, SastRule[]>, opts: ScanFilesOptions): Promise<Screened> {
  const of = rulesOf(file, byLanguage);
  if (of === undefined) return { kind: 'none' };
  const bytes = await readBytes(file, opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (!Buffer.isBuffer(bytes)) return { kind: 'skipped', reason: bytes.skip };
  const text = decode(bytes);
  // Most files hold nothing any rule looks for; those are not even parsed.
  const candidates = candidatesOf(of.rules, text);
  if (candidates.length === 0) return { kind: 'scanned', findings: [] };
  if (opts.prescreen === false || hasBom(bytes) || !isUtf8(bytes) || !candidates.every(combinable)) return { kind: 'full' };
  return { kind: 'prescreen', language: of.language };
}

async function scanOne(file: ScanFile, byLanguage: Map<SastLanguage, SastRule[]>, opts: ScanFilesOptions, only: 'all' | SastRule[] = 'all'): Promise<Outcome> {
  const of = rulesOf(file, byLanguage);
  if (of === undefined) return { kind: 'none' };
  const language = of.language;
  const rules = only === 'all' ? of.rules : only;
  const text = await readText(file, opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (typeof text !== 'string') return { kind: 'skipped', reason: text.skip };
  const candidates = candidatesOf(rules, text);
  if (candidates.length === 0) return { kind: 'scanned', findings: [] };
  const root = await parseRoot(language, text, opts.parser ?? DEFAULT_PARSER);
  return { kind: 'scanned', findings: matchRoot(root, { source: text, path: file.path, language, rules: candidates, options: opts }) };
}

/** Files to scan rule by rule, by index: with every rule of their language, or only with these. */
type ToScan = Map<number, 'all' | SastRule[]>;

/**
 * The files to scan rule by rule: those screened `full` with all their rules, and those of the prescreen where
 * the combined rule of their language matches, with the rules that matched. If ast-grep rejects a combined
 * rule (a user rule it cannot compile), every file of that language is scanned rule by rule, which reports
 * the failing rule per file.
 */
async function prescreen(
  files: readonly ScanFile[],
  screened: readonly (Screened | undefined)[],
  byLanguage: Map<SastLanguage, SastRule[]>,
  logger: Logger,
): Promise<ToScan> {
  const toScan: ToScan = new Map();
  const batches = new Map<SastLanguage, number[]>();
  screened.forEach((s, i) => {
    if (s?.kind === 'full') toScan.set(i, 'all');
    else if (s?.kind === 'prescreen') {
      const batch = batches.get(s.language);
      if (batch !== undefined) batch.push(i);
      else batches.set(s.language, [i]);
    }
  });
  for (const [language, indices] of batches) {
    const paths = indices.map((i) => resolve(files[i]?.absPath ?? ''));
    try {
      const rules = (byLanguage.get(language) ?? []).filter(combinable);
      const hits = await filesWithMatches(napiLang(language), paths, combine(rules));
      indices.forEach((i, k) => {
        const matched = hits.get(paths[k] ?? '');
        if (matched !== undefined) toScan.set(i, rules.filter((_, r) => matched.has(r)));
      });
    } catch (e) {
      logger.debug(`prescreen of ${language} files failed, scanning them rule by rule: ${e instanceof Error ? e.message : String(e)}`);
      for (const i of indices) toScan.set(i, 'all');
    }
  }
  return toScan;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupByLanguage(rules: readonly SastRule[]): Map<SastLanguage, SastRule[]> {
  const out = new Map<SastLanguage, SastRule[]>();
  for (const rule of rules) for (const lang of rule.languages) out.set(lang, rulesFor(rules, lang));
  return out;
}

/** Runs `task` on every index, `limit` at a time. */
async function eachLimited(indices: readonly number[], limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let k = next++; k < indices.length; k = next++) {
      const i = indices[k];
      if (i !== undefined) await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, indices.length)) }, worker));
}

/**
 * Scans files with the rules of their languages: a first read sorts out the files no rule can match, the
 * prescreen (prescreen.ts) the files where no rule does match, and the rest are parsed and matched rule by
 * rule, a few at a time. Only files in flight are held in memory; a file that cannot be read or scanned
 * becomes an error entry and the scan goes on. Findings come back in the order of `files`.
 */
export async function scanFiles(files: readonly ScanFile[], rules: readonly SastRule[], opts: ScanFilesOptions = {}): Promise<ScanFilesResult> {
  const logger = opts.logger ?? silentLogger;
  registerLanguages();
  const byLanguage = groupByLanguage(rules);
  const perFile: (RawFinding[] | undefined)[] = new Array<RawFinding[] | undefined>(files.length);
  const result: ScanFilesResult = { findings: [], filesScanned: 0, errors: [], skipped: [] };
  const concurrency = opts.concurrency ?? 4;
  const record = (i: number, outcome: Outcome): void => {
    const file = files[i];
    if (file === undefined) return;
    if (outcome.kind === 'scanned') {
      result.filesScanned++;
      perFile[i] = outcome.findings;
    } else if (outcome.kind === 'skipped') {
      result.skipped.push({ path: file.path, reason: outcome.reason });
      logger.debug(`skipped ${file.path}: ${outcome.reason}`);
    }
  };
  const guarded = (step: (file: ScanFile, i: number) => Promise<void>) => async (i: number): Promise<void> => {
    const file = files[i];
    if (file === undefined) return;
    try {
      await step(file, i);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      result.errors.push({ path: file.path, message });
      logger.warn(`could not scan ${file.path}: ${message}`);
    }
  };
  const screened: (Screened | undefined)[] = new Array<Screened | undefined>(files.length);
  await eachLimited(files.map((_, i) => i), concurrency, guarded(async (file, i) => {
    const s = await screenOne(file, byLanguage, opts);
    screened[i] = s;
    if (s.kind !== 'prescreen' && s.kind !== 'full') record(i, s);
  }));
  const toScan = await prescreen(files, screened, byLanguage, logger);
  // Where the prescreen found nothing, no rule can report.
  screened.forEach((s, i) => {
    if (s?.kind === 'prescreen' && !toScan.has(i)) record(i, { kind: 'scanned', findings: [] });
  });
  const order = [...toScan.keys()].sort((a, b) => a - b);
  await eachLimited(order, concurrency, guarded(async (file, i) => record(i, await scanOne(file, byLanguage, opts, toScan.get(i)))));
  for (const findings of perFile) if (findings !== undefined) result.findings.push(...findings);
  // Files finish in any order; reports should not.
  result.errors.sort((a, b) => compare(a.path, b.path));
  result.skipped.sort((a, b) => compare(a.path, b.path));
  return result;
}
