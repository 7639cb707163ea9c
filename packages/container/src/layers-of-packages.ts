import type { Package } from '@rampart/inventory';
import type { ImageFs } from './image-fs.js';

/**
 * The layer that introduced each package. The dpkg status file is rewritten by every layer that installs anything,
 * so for Debian packages the layer of the package's own file list (`var/lib/dpkg/info/<name>[:<arch>].list`) is
 * the better witness; other packages take the layer of the file they were found in.
 */
export function assignLayers(packages: Package[], fs: ImageFs): Package[] {
  return packages.map((p) => {
    let layer: string | undefined;
    if (p.ecosystem === 'deb') {
      const arch = new URLSearchParams(p.purl.split('?')[1] ?? '').get('arch');
      const lists = [...(arch ? [`var/lib/dpkg/info/${p.name}:${arch}.list`] : []), `var/lib/dpkg/info/${p.name}.list`];
      layer = lists.map((l) => fs.layerOf(l)).find((l) => l !== undefined);
    }
    layer ??= p.locations.map((l) => fs.layerOf(l)).find((l) => l !== undefined);
    return layer ? { ...p, layer } : p;
  });
}
