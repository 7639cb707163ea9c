import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import type { Inventory } from '@rampart/inventory';
import { sha256Hex, uuidV5 } from '../digest.js';
import { documentTime, projectNameOf, type CycloneDxVersion, type SbomOptions } from '../options.js';
import { subjectOf, type Subject } from '../subject.js';
import { packageComponent, rootComponent } from './components.js';

const SPECS: Record<CycloneDxVersion, Spec.Version> = {
  '1.6': Spec.Version.v1dot6,
  '1.5': Spec.Version.v1dot5,
};

export function specOf(version: CycloneDxVersion): Spec.Version {
  return SPECS[version];
}

/**
 * Components are added in code-unit order of their refs and the serializer is run without `sortLists`, so the
 * order in the output is ours and does not depend on the locale (see order.ts).
 */
function bomOf(subject: Subject, options: SbomOptions): Models.Bom {
  const bom = new Models.Bom();
  bom.metadata.timestamp = documentTime(options);
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, options.toolName, { version: options.toolVersion }),
  );
  const byRef = new Map<string, Models.Component>();
  const top = rootComponent(subject.top);
  byRef.set(subject.top.ref, top);
  bom.metadata.component = top;
  // With a synthetic top, every real root is a component of its own that the top depends on.
  const roots = subject.top.synthetic ? subject.roots : [];
  const components = [...roots.map((r) => [r.ref, rootComponent(r)] as const)];
  components.push(...subject.packages.map((p) => [p.purl, packageComponent(p)] as const));
  components.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [ref, c] of components) {
    byRef.set(ref, c);
    bom.components.add(c);
  }
  const edges: [string, readonly string[]][] = [
    [subject.top.ref, subject.top.dependsOn],
    ...roots.map((r) => [r.ref, r.dependsOn] as [string, string[]]),
    ...subject.packages.map((p) => [p.purl, p.dependsOn] as [string, string[]]),
  ];
  for (const [ref, dependsOn] of edges) {
    const from = byRef.get(ref);
    for (const d of dependsOn) {
      const to = byRef.get(d);
      if (from && to) from.dependencies.add(to.bomRef);
    }
  }
  return bom;
}

/**
 * A CycloneDX JSON document of the inventory. Deterministic: the serial number is a name-based UUID of the document
 * itself (timestamp included), so two runs over the same tree with the same SOURCE_DATE_EPOCH give the same bytes.
 */
export function buildCycloneDx(
  inventory: Inventory,
  options: SbomOptions & { specVersion?: CycloneDxVersion },
): string {
  const spec = Spec.SpecVersionDict[specOf(options.specVersion ?? '1.6')];
  if (spec === undefined) throw new Error(`CycloneDX ${options.specVersion ?? '1.6'} is not known to the library`);
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(spec));
  const bom = bomOf(subjectOf(inventory, projectNameOf(options)), options);
  const unnumbered = serializer.serialize(bom, { space: 2 });
  bom.serialNumber = `urn:uuid:${uuidV5(sha256Hex(unnumbered))}`;
  return `${serializer.serialize(bom, { space: 2 })}\n`;
}
