import { IAC_TOOL } from '@rampart/iac';
import { catalog, nodeFs, type Inventory } from '@rampart/inventory';
import type { DastRequest } from './run-dast.js';
import { runContainerStep } from './run-container.js';
import { runDastStep } from './run-dast.js';
import { runIacStep } from './run-iac.js';
import type { ScanContext, ScanPart } from './run-scan.js';
import { scanDeps, type ScanDepsChoice } from './scan-deps.js';
import { runSbomStep } from './sbom-step.js';
import { absoluteOutDir } from './settings.js';

/** What `rampart scan` runs besides SAST and secrets, each with its own switch. */
export interface ScanExtrasRequest {
  iac: boolean;
  sbom: boolean;
  deps: ScanDepsChoice;
  image?: string;
  dast?: DastRequest;
}

/** The other scanners of `rampart scan`, in order: IaC, SBOM, dependencies (on the SBOM's inventory), image, DAST. */
export function scanExtras(req: ScanExtrasRequest): (ctx: ScanContext) => Promise<ScanPart[]> {
  return async ({ root, settings, deps, startedAt }) => {
    const parts: ScanPart[] = [];
    if (req.iac) {
      const iac = runIacStep(root, deps);
      parts.push({ ...iac, tools: [{ ...IAC_TOOL }] });
    }
    let inventory: Inventory | undefined;
    if (req.sbom) {
      const sbom = await runSbomStep(
        { root, outDir: absoluteOutDir(settings.outDir, deps), format: 'both', specVersion: '1.6', licensePolicy: settings.licensePolicy },
        deps,
      );
      inventory = sbom.inventory;
      parts.push({ findings: sbom.findings, tools: [sbom.tool], notifications: sbom.notifications, extraFiles: sbom.files });
    }
    const vuln = await scanDeps(inventory ?? (await catalog(nodeFs(root))), req.deps, deps);
    if ('skipped' in vuln) parts.push({ findings: [], tools: [], notifications: [vuln.skipped] });
    else parts.push({ findings: vuln.findings, tools: [vuln.tool], notifications: vuln.notifications, gitlabReportTypes: ['dependency_scanning'] });
    if (req.image) {
      const { deps: choice } = req;
      const image = await runContainerStep({ source: { kind: 'registry', reference: req.image }, sbom: false, ...choice }, deps, startedAt);
      parts.push({ ...image, tools: [image.tool], gitlabReportTypes: ['container_scanning'] });
    }
    if (req.dast) {
      const dast = await runDastStep(req.dast, deps);
      parts.push({ ...dast, tools: [dast.tool], gitlabReportTypes: ['dast'] });
    }
    return parts;
  };
}
