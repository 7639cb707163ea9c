import { catalog, nodeFs } from '@rampart/inventory';
import { describe, expect, it } from 'vitest';
import { buildCycloneDx } from './cyclonedx/build.js';
import { validateCycloneDx } from './cyclonedx/validate.js';
import { fixturePath, OPTIONS, readFixture } from './testing/inventory.js';

interface Component {
  'bom-ref': string;
  purl?: string;
  name: string;
  group?: string;
  version?: string;
  licenses?: unknown[];
  properties?: { name: string; value: string }[];
  components?: Component[];
}
interface Bom {
  metadata: { component: Component };
  components: Component[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

/** Components by purl and the graph in purls, since cyclonedx-npm's bom-refs are install paths, ours purls. */
function view(bom: Bom) {
  const all: Component[] = [];
  const walk = (cs: Component[] | undefined): void => {
    for (const c of cs ?? []) {
      all.push(c);
      walk(c.components);
    }
  };
  walk(bom.components);
  const purlOf = new Map([bom.metadata.component, ...all].map((c) => [c['bom-ref'], c.purl ?? c['bom-ref']]));
  const graph = Object.fromEntries(
    bom.dependencies.map((d) => [purlOf.get(d.ref), (d.dependsOn ?? []).map((r) => purlOf.get(r)).sort()]),
  );
  const components = Object.fromEntries(
    all.map((c) => [c.purl, {
      name: c.name, group: c.group, version: c.version, licenses: c.licenses,
      dev: c.properties?.some((p) => p.name === 'cdx:npm:package:development' && p.value === 'true') ?? false,
    }]),
  );
  return { components, graph };
}

describe('CycloneDX of a real npm lockfile, beside cyclonedx-npm 6 on the same lockfile', () => {
  it('has the same components, names, groups, versions, licenses, dev flags and dependency graph', async () => {
    const ours = buildCycloneDx(await catalog(nodeFs(fixturePath('real-npm'))), OPTIONS);
    const peerText = readFixture('real-npm/cyclonedx-npm.cdx.json');
    // The peer's own output passes the same validator, so the comparison is between two valid documents.
    expect(await validateCycloneDx(peerText)).toEqual([]);
    const a = view(JSON.parse(ours) as Bom);
    const b = view(JSON.parse(peerText) as Bom);
    expect(Object.keys(a.components).length).toBe(79);
    expect(a.components).toEqual(b.components);
    expect(a.graph).toEqual(b.graph);
  });
});
