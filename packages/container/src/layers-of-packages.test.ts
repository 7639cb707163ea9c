import { describe, expect, it } from 'vitest';
import { CATALOGERS, catalog } from '@rampart/inventory';
import { PassThrough } from 'node:stream';
import type { LayerBlob } from './layer/types.js';
import { assignLayers } from './layers-of-packages.js';
import { readImage } from './read-image.js';
import { layerTar } from './testing/hostile.js';
import { wantedBy } from './wanted.js';

function memoryLayer(id: string, bytes: Buffer): LayerBlob {
  return {
    id,
    label: id,
    head: async (n) => bytes.subarray(0, n),
    open: () => new PassThrough().end(bytes),
  };
}

const para = (name: string) => `Package: ${name}\nStatus: install ok installed\nVersion: 1.0\nArchitecture: amd64\n`;

describe('layer of each package', () => {
  it('credits a Debian package to the layer that wrote its dpkg file list, not the last status rewrite', async () => {
    const first = await layerTar([
      { header: { name: 'var/lib/dpkg/status' }, content: para('a') },
      { header: { name: 'var/lib/dpkg/info/a.list' }, content: '/usr/bin/a\n' },
    ]);
    const second = await layerTar([
      { header: { name: 'var/lib/dpkg/status' }, content: `${para('a')}\n${para('b')}` },
      { header: { name: 'var/lib/dpkg/info/b:amd64.list' }, content: '/usr/bin/b\n' },
    ]);
    const image = await readImage([memoryLayer('sha256:one', first), memoryLayer('sha256:two', second)], { wants: wantedBy(CATALOGERS) });
    try {
      const inventory = await catalog(image.fs);
      const layers = Object.fromEntries(assignLayers(inventory.packages, image.fs).map((p) => [p.name, p.layer]));
      expect(layers).toEqual({ a: 'sha256:one', b: 'sha256:two' });
    } finally {
      await image.dispose();
    }
  });
});
