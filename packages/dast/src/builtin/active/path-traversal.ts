import type { ActiveCheck } from '../types.js';
import { def, raiseAt } from './alert.js';
import { baseline } from './baseline.js';

const d = def({
  pluginId: '6', name: 'Path Traversal', risk: 3, confidence: 2, cweId: 22, wascId: 33,
  description:
    'A parameter names a file the server reads, and "../" (or an absolute path) in it reaches files outside the intended directory: configuration, keys, source code, system files.',
  solution:
    'Map the parameter to files through an allow-list (or an id), or take only the base name and check the resolved path stays inside the intended directory; run the process with access to nothing else.',
});

const UP = '../'.repeat(12);
const UP_WIN = '..\\'.repeat(12);

/** Files every Unix or Windows host has, and text in them that no ordinary page contains. */
const TARGETS: readonly { payloads: string[]; marker: RegExp }[] = [
  { payloads: [`${UP}etc/passwd`, '/etc/passwd', `....//....//....//....//....//....//....//etc/passwd`], marker: /root:[^:\n]*:0:0:/ },
  { payloads: [`${UP_WIN}windows\\win.ini`, 'c:\\windows\\win.ini'], marker: /\[(?:fonts|extensions)\][\s\S]{0,200}\[(?:extensions|mci extensions|files)\]|; for 16-bit app support/i },
];

/** Reads a well-known system file through the parameter and looks for its content; never writes anything. */
export const pathTraversal: ActiveCheck = {
  def: d,
  async run(point, ctx) {
    const base = await baseline(ctx, point);
    for (const { payloads, marker } of TARGETS) {
      if (marker.test(base.body)) continue;
      for (const payload of payloads) {
        const res = await ctx.send(point, payload);
        const m = marker.exec(res.body);
        if (m) return [raiseAt(d, point, payload, m[0])];
      }
    }
    return [];
  },
};
