import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { addEntry } from './pack-dir.js';

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface DockerSaveOptions {
  tag: string;
  /** `legacy`: `<id>/layer.tar` (Docker before 25); `oci`: `blobs/sha256/<hex>` with index.json (Docker 25+). */
  layout: 'legacy' | 'oci';
}

/**
 * Writes a `docker save` archive of the given uncompressed layer tars, as Docker lays it out: manifest.json, the
 * image config whose rootfs.diff_ids are the layers' digests, and the layers themselves.
 */
export async function writeDockerSave(out: string, layers: readonly string[], options: DockerSaveOptions): Promise<void> {
  const digests = await Promise.all(layers.map(sha256File));
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['bash'] },
    rootfs: { type: 'layers', diff_ids: digests.map((d) => `sha256:${d}`) },
    history: layers.map(() => ({ created_by: 'rampart test' })),
  });
  const configHex = createHash('sha256').update(config).digest('hex');
  const legacy = options.layout === 'legacy';
  const layerPath = (hex: string) => (legacy ? `${hex}/layer.tar` : `blobs/sha256/${hex}`);
  const configPath = legacy ? `${configHex}.json` : `blobs/sha256/${configHex}`;
  const manifest = JSON.stringify([{ Config: configPath, RepoTags: [options.tag], Layers: digests.map(layerPath) }]);

  const pack = tar.pack();
  const written = pipeline(pack as unknown as NodeJS.ReadableStream, createWriteStream(out));
  if (!legacy) {
    await addEntry(pack, { name: 'blobs/', type: 'directory' });
    await addEntry(pack, { name: 'blobs/sha256/', type: 'directory' });
  }
  for (const [i, file] of layers.entries()) {
    const hex = digests[i] as string;
    if (legacy) await addEntry(pack, { name: `${hex}/`, type: 'directory' });
    await addEntry(pack, { name: layerPath(hex), size: (await stat(file)).size }, createReadStream(file));
  }
  await addEntry(pack, { name: configPath }, config);
  if (!legacy) {
    const manifestDoc = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${configHex}`, size: Buffer.byteLength(config) },
      layers: await Promise.all(
        layers.map(async (f, i) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${digests[i]}`, size: (await stat(f)).size })),
      ),
    });
    const manifestHex = createHash('sha256').update(manifestDoc).digest('hex');
    await addEntry(pack, { name: `blobs/sha256/${manifestHex}` }, manifestDoc);
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${manifestHex}`,
          size: Buffer.byteLength(manifestDoc),
          annotations: { 'io.containerd.image.name': options.tag, 'org.opencontainers.image.ref.name': options.tag.split(':')[1] ?? 'latest' },
        },
      ],
    };
    await addEntry(pack, { name: 'index.json' }, JSON.stringify(index));
    await addEntry(pack, { name: 'oci-layout' }, JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  }
  await addEntry(pack, { name: 'manifest.json' }, manifest);
  if (legacy) await addEntry(pack, { name: 'repositories' }, JSON.stringify({}));
  pack.finalize();
  await written;
}
