import { describe, expect, it } from 'vitest';
import { startCanaryListener } from './canary.js';

describe('canary listener', () => {
  it('records the token a request names and nothing else', async () => {
    const canary = await startCanaryListener();
    try {
      expect(canary.canaryUrl('rmpabc')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rmpabc$/);
      expect(canary.canaryHit('rmpabc')).toBe(false);
      const res = await fetch(`${canary.canaryUrl('rmpabc')}/about?x=1`);
      expect(res.status).toBe(204);
      expect(canary.canaryHit('rmpabc')).toBe(true);
      expect(canary.canaryHit('rmpother')).toBe(false);
    } finally {
      await canary.close();
    }
  });

  it('hands out the advertised base URL when the target reaches it by another name', async () => {
    const canary = await startCanaryListener({ advertise: 'http://runner:8999/' });
    try {
      expect(canary.canaryUrl('rmpabc')).toBe('http://runner:8999/rmpabc');
    } finally {
      await canary.close();
    }
  });
});
