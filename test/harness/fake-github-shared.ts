// What the fake GitHub's route modules share: the reply shape and GitHub's error body.

export type Json = Record<string, unknown> | unknown[];

export interface Reply {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
  /** A raw body (an artifact zip); sent instead of `body` when set. */
  raw?: Buffer;
}

/** A group of endpoints: answers a request it knows, or undefined to let the next module try. */
export type RouteModule = (method: string, path: string, query: Record<string, string>, body: unknown) => Reply | undefined;

export const message = (status: number, text: string): Reply => ({
  status,
  body: { message: text, documentation_url: 'https://docs.github.com/rest', status: String(status) },
});
