import { UserError } from '@rampart/core';
import type { z } from 'zod';
import { digestOf } from '../layer/digest.js';
import type { BlobStore } from './blob-store.js';

/** Manifests, indexes and configs are kilobytes; a document this large is not one. */
export const MAX_DOCUMENT = 8 * 1024 * 1024;

export function parseDocument<T extends z.ZodType>(bytes: Uint8Array, schema: T, file: string, expected: string): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new UserError('not JSON', { file, expected });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(issue?.message ?? 'unexpected content', {
      file,
      ...(issue && issue.path.length > 0 ? { field: issue.path.join('.') } : {}),
      expected,
    });
  }
  return parsed.data;
}

/** Reads a JSON document from the store, checking its digest when the descriptor that named it gave one. */
export async function readDocument<T extends z.ZodType>(
  store: BlobStore,
  path: string,
  schema: T,
  expected: string,
  digest?: string,
): Promise<z.infer<T>> {
  const bytes = await store.readSmall(path, MAX_DOCUMENT);
  const file = `${store.location}: ${path}`;
  if (digest && digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256') !== digest) {
    throw new UserError(`content does not match its digest ${digest}`, { file, expected: 'an unmodified blob' });
  }
  return parseDocument(bytes, schema, file, expected);
}
