import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '@rampart/core';
import { z } from 'zod';

/*
 * The offline mirror in the cache dir:
 *
 *   <cacheDir>/osv/metadata.json                 which version of each ecosystem is current, and when it was pulled
 *   <cacheDir>/osv/<Ecosystem>/<version>/records.jsonl   one record per line, as published (compacted)
 *   <cacheDir>/osv/<Ecosystem>/<version>/index.json      package name -> [offset, length] of its records' lines
 *
 * A pull writes a new version directory and then swaps metadata.json (temp file + rename), so a reader sees either
 * the old database or the new one, never half of one.
 */

export const FORMAT = 1;

export const mirrorRoot = (cacheDir: string): string => join(cacheDir, 'osv');
export const metadataPath = (cacheDir: string): string => join(mirrorRoot(cacheDir), 'metadata.json');
export const ecosystemDir = (cacheDir: string, ecosystem: string): string => join(mirrorRoot(cacheDir), encodeURIComponent(ecosystem));
export const RECORDS = 'records.jsonl';
export const INDEX = 'index.json';

const entrySchema = z.object({
  version: z.string().regex(/^[A-Za-z0-9-]+$/),
  pulledAt: z.iso.datetime(),
  url: z.string(),
  records: z.number().int().min(0),
  skipped: z.number().int().min(0),
});
export type EcosystemEntry = z.infer<typeof entrySchema>;

const metadataSchema = z.object({ format: z.literal(FORMAT), ecosystems: z.record(z.string(), entrySchema) });
export type MirrorMetadata = z.infer<typeof metadataSchema>;

const indexSchema = z.object({
  format: z.literal(FORMAT),
  ecosystem: z.string(),
  names: z.array(z.tuple([z.string(), z.array(z.number().int().min(0))])),
});
export type MirrorIndex = z.infer<typeof indexSchema>;

async function readJson<S extends z.ZodType>(file: string, schema: S, what: string): Promise<z.output<S> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`the offline OSV ${what} is not JSON; run \`rampart db pull\` again`, { file, expected: `the ${what} written by rampart db pull` });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`the offline OSV ${what} is corrupt (${issue?.message ?? 'invalid'}); run \`rampart db pull\` again`, {
      file,
      field: issue?.path.join('.') || undefined,
      expected: `the ${what} written by rampart db pull (format ${FORMAT})`,
    });
  }
  return parsed.data;
}

export const readMetadata = (cacheDir: string): Promise<MirrorMetadata | undefined> => readJson(metadataPath(cacheDir), metadataSchema, 'metadata');

export const readIndex = (file: string): Promise<MirrorIndex | undefined> => readJson(file, indexSchema, 'index');

/** Temp file + rename in the same directory: the file is either the old one or the new one. */
export async function writeAtomic(file: string, content: string): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(temp, content);
  await rename(temp, file);
}
