import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UserError, type Notification, type RawFinding, type Tool } from '@rampart/core';
import { scanImage, type ImageSource } from '@rampart/container';
import type { CliDeps } from '../deps.js';
import { VERSION } from '../version.js';
import { runDepsStep, type VulnSourceChoice } from './deps-step.js';
import { cliLogger } from './log.js';
import { finishRun, type ReportOutcome } from './finish.js';
import { resolveSettings, type SettingFlags } from './settings.js';

const run = promisify(execFile);

export interface ContainerRequest extends VulnSourceChoice {
  source: ImageSource;
  platform?: string;
  ref?: string;
  /** Also write the image's SBOM (CycloneDX and SPDX). */
  sbom: boolean;
  flags: SettingFlags;
}

/**
 * `--image` reads from the local Docker engine when it has the image (`docker save`, as the issue asks), else
 * pulls from the registry. The tar goes to a temp dir that is removed afterwards.
 */
async function viaDockerSave(reference: string): Promise<{ path: string; cleanup: () => Promise<void> } | undefined> {
  try {
    await run('docker', ['image', 'inspect', '--format', '{{.Id}}', reference], { timeout: 30_000 });
  } catch {
    return undefined;
  }
  const dir = await mkdtemp(join(tmpdir(), 'rampart-docker-save-'));
  const path = join(dir, 'image.tar');
  await run('docker', ['save', '--output', path, reference], { timeout: 600_000 });
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** How reports name the image: the reference, or the archive/layout path as the user gave it. */
function label(source: ImageSource): string {
  return source.kind === 'registry' ? source.reference : source.path;
}

export interface ContainerStepResult {
  findings: RawFinding[];
  tool: Tool;
  notifications: Notification[];
  extraFiles: { name: string; content: string }[];
}

/** The image scan itself, shared by `rampart container` and `rampart scan --image`. */
export async function runContainerStep(req: Omit<ContainerRequest, 'flags'>, deps: CliDeps, startedAt: Date): Promise<ContainerStepResult> {
  let source = req.source;
  if (source.kind !== 'registry') {
    const full = isAbsolute(source.path) ? source.path : resolve(deps.cwd, source.path);
    if (!deps.exists(full)) throw new UserError('not found', { file: source.path, expected: 'an image archive, OCI layout or root filesystem' });
    source = { ...source, path: full };
  }
  const saved = source.kind === 'registry' ? await viaDockerSave(source.reference) : undefined;
  const imageName = label(req.source);
  try {
    const scan = await scanImage(saved ? { kind: 'archive', path: saved.path } : source, {
      env: deps.env,
      logger: cliLogger(deps),
      now: deps.now(),
      ...(req.platform ? { platform: req.platform } : {}),
      ...(req.ref ? { ref: req.ref } : {}),
    });
    const notes: Notification[] = [];
    const os = scan.os;
    if (os?.eolPassed) notes.push({ level: 'warning', message: `${os.prettyName ?? os.id} reached its end of life on ${os.eol ?? '?'}: it gets no more security fixes` });
    if (!os) notes.push({ level: 'warning', message: 'no os-release in the image: OS packages cannot be matched to a distribution' });
    const distro = os ? { id: os.id, ...(os.versionId ? { versionId: os.versionId } : {}), ...(os.codename ? { codename: os.codename } : {}) } : undefined;
    const step = await runDepsStep(scan.inventory, req, deps, { image: imageName, ...(distro ? { distro } : {}) });
    const extraFiles: { name: string; content: string }[] = [];
    if (req.sbom) {
      const { buildCycloneDx, buildSpdx } = await import('@rampart/sbom');
      const options = { toolName: 'rampart', toolVersion: VERSION, timestamp: startedAt, projectName: imageName };
      extraFiles.push({ name: 'sbom.cdx.json', content: buildCycloneDx(scan.inventory, options) }, { name: 'sbom.spdx.json', content: buildSpdx(scan.inventory, options) });
    }
    notes.push({ level: 'note', message: `${imageName}: ${scan.layers.length} layers, ${scan.inventory.packages.length} packages${os ? ` on ${os.prettyName ?? os.id}` : ''}` });
    return { findings: step.findings, tool: step.tool, notifications: [...notes, ...step.notifications], extraFiles };
  } finally {
    await saved?.cleanup();
  }
}

/** `rampart container`: an image's OS and language packages matched against OSV, as container_scanning. */
export async function runContainerRequest(req: ContainerRequest, deps: CliDeps): Promise<ReportOutcome> {
  const startedAt = deps.now();
  const settings = resolveSettings(req.flags, deps);
  const step = await runContainerStep(req, deps, startedAt);
  return finishRun(
    {
      scanner: 'container',
      startedAt,
      findings: step.findings,
      tools: [step.tool],
      notifications: step.notifications,
      gitlabReportTypes: ['container_scanning'],
      extraFiles: step.extraFiles,
    },
    settings,
    deps,
  );
}
