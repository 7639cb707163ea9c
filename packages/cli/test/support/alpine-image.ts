import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDockerSave } from '../../../container/src/testing/docker-save.js';
import { layerTar } from '../../../container/src/testing/hostile.js';

const file = (name: string, content: string) => ({ header: { name, type: 'file' as const, mode: 0o644, size: Buffer.byteLength(content) }, content });

/**
 * A `docker save` archive of an Alpine 3.11 image in two layers: the base with xen 4.13.1-r0 (which the real
 * ALPINE-CVE-2021-28687 record says is fixed in 4.13.3-r0) and musl, then a layer removing a file with a whiteout.
 */
export async function alpineImage(dir: string): Promise<string> {
  const installed = ['C:Q1abc=', 'P:xen', 'V:4.13.1-r0', 'A:x86_64', 'L:GPL-2.0-only', 'o:xen', '', 'C:Q1def=', 'P:musl', 'V:1.1.24-r3', 'A:x86_64', 'L:MIT', 'o:musl', '', ''].join('\n');
  const base = await layerTar([
    file('etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.11.13\nPRETTY_NAME="Alpine Linux v3.11"\n'),
    file('lib/apk/db/installed', installed),
    file('tmp/secret.txt', 'x'),
  ]);
  const top = await layerTar([file('tmp/.wh.secret.txt', '')]);
  writeFileSync(join(dir, 'l1.tar'), base);
  writeFileSync(join(dir, 'l2.tar'), top);
  const out = join(dir, 'image.tar');
  await writeDockerSave(out, [join(dir, 'l1.tar'), join(dir, 'l2.tar')], { tag: 'acme/app:1.0', layout: 'oci' });
  return out;
}
