import { describe, expect, it } from 'vitest';
import { readBodyCapped } from './bounded-body.js';

function streamed(parts: string[], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of parts) c.enqueue(new TextEncoder().encode(p));
      c.close();
    },
  });
  return new Response(body, { headers });
}

describe('readBodyCapped', () => {
  it('returns a body at or under the cap whole', async () => {
    expect((await readBodyCapped(streamed(['ab', 'cd']), 4))?.toString('utf8')).toBe('abcd');
  });
  it('refuses a body that grows past the cap while streaming', async () => {
    expect(await readBodyCapped(streamed(['ab', 'cd', 'e']), 4)).toBeUndefined();
  });
  it('refuses a body whose declared length is over the cap without reading it', async () => {
    expect(await readBodyCapped(new Response('x', { headers: { 'content-length': '999' } }), 4)).toBeUndefined();
  });
});
