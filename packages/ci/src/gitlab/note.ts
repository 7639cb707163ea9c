import type { Logger } from '@rampart/core';
import { commentMarker } from '../github/comment.js';

export type NoteResult =
  | { status: 'created' | 'updated' | 'unchanged'; noteId: number }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

export interface MergeRequestNoteParams {
  apiV4Url: string;
  /** Numeric id or full path (`group/project`). */
  project: string;
  mergeRequestIid: number;
  token: string;
  /** Tells this note apart from other Rampart notes on the MR. */
  id: string;
  body: string;
  logger: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** GitLab's note limit is 1,000,000 characters. */
export const NOTE_MAX_CHARS = 1_000_000;

class HttpFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

interface Note {
  id: number;
  body: string;
  system?: boolean;
}

function notesUrl(p: MergeRequestNoteParams, suffix = ''): string {
  return `${p.apiV4Url.replace(/\/+$/, '')}/projects/${encodeURIComponent(p.project)}/merge_requests/${p.mergeRequestIid}/notes${suffix}`;
}

async function call(p: MergeRequestNoteParams, method: string, url: string, body?: unknown): Promise<Response> {
  const f = p.fetch ?? fetch;
  const res = await f(url, {
    method,
    headers: { 'PRIVATE-TOKEN': p.token, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(p.timeoutMs ?? 30_000),
  });
  if (!res.ok) {
    // GitLab's error bodies are `{ message }`; they never echo the token.
    const text = (await res.text().catch(() => '')).slice(0, 300);
    throw new HttpFailure(res.status, `${method} notes: HTTP ${res.status} ${text}`.trim());
  }
  return res;
}

async function findMarked(p: MergeRequestNoteParams, marker: string): Promise<Note | undefined> {
  let page: string | null = '1';
  // Bounded so a misbehaving server cannot keep us paging forever.
  for (let i = 0; page && i < 100; i++) {
    const res = await call(p, 'GET', notesUrl(p, `?per_page=100&page=${page}&sort=asc&order_by=created_at`));
    const notes = (await res.json()) as Note[];
    const hit = notes.find((n) => !n.system && typeof n.body === 'string' && n.body.includes(marker));
    if (hit) return hit;
    page = res.headers.get('x-next-page');
  }
  return undefined;
}

function degrade(p: MergeRequestNoteParams, e: unknown): NoteResult {
  const status = e instanceof HttpFailure ? e.status : undefined;
  const message = e instanceof Error ? e.message : String(e);
  if (status === 401 || status === 403) {
    const reason = `the token in the job may not write merge request notes (HTTP ${status}); give it the api scope and Reporter role or more.`;
    p.logger.warn(`Rampart skipped the merge request note: ${reason}`);
    return { status: 'skipped', reason };
  }
  p.logger.warn(`Rampart could not write the merge request note: ${message}`);
  return { status: 'failed', reason: message };
}

/**
 * One note per merge request and id, created once and edited afterwards (GET the notes, find the hidden
 * marker, PUT or POST). Never throws for API failures.
 */
export async function upsertMergeRequestNote(p: MergeRequestNoteParams): Promise<NoteResult> {
  const marker = commentMarker(p.id, 'inputs.comment-id');
  const full = `${marker}\n${p.body}`;
  const body = full.length > NOTE_MAX_CHARS ? `${full.slice(0, NOTE_MAX_CHARS - 200)}\n\n> Cut short: larger than GitLab allows.\n` : full;
  try {
    const existing = await findMarked(p, marker);
    if (existing === undefined) {
      const res = await call(p, 'POST', notesUrl(p), { body });
      const note = (await res.json()) as Note;
      p.logger.info(`Created the Rampart note on merge request !${p.mergeRequestIid}.`);
      return { status: 'created', noteId: note.id };
    }
    if (existing.body === body) return { status: 'unchanged', noteId: existing.id };
    await call(p, 'PUT', notesUrl(p, `/${existing.id}`), { body });
    p.logger.info(`Updated the Rampart note on merge request !${p.mergeRequestIid}.`);
    return { status: 'updated', noteId: existing.id };
  } catch (e) {
    return degrade(p, e);
  }
}
