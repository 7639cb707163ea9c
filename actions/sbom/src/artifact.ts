import { DefaultArtifactClient } from '@actions/artifact';
import type { ActionsIO, Env } from '@rampart/ci';

export type ArtifactUpload =
  | { status: 'uploaded'; id: number | undefined; size: number | undefined }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

/** Uploads files (absolute paths under rootDir) as one workflow artifact. */
export type ArtifactUploader = (name: string, files: string[], rootDir: string) => Promise<{ id?: number; size?: number }>;

export const actionsArtifactUploader: ArtifactUploader = async (name, files, rootDir) => {
  const client = new DefaultArtifactClient();
  return client.uploadArtifact(name, files, rootDir);
};

/**
 * The artifact is a convenience: the SBOM files are already written, so a failed upload (outside Actions, an
 * outage, an artifact name taken by another job of the run) is a warning and the step stays green.
 */
export async function uploadSbomArtifact(
  name: string,
  files: string[],
  rootDir: string,
  deps: { io: ActionsIO; env: Env; upload: ArtifactUploader },
): Promise<ArtifactUpload> {
  if (!deps.env.ACTIONS_RUNTIME_TOKEN || !deps.env.ACTIONS_RESULTS_URL) {
    const reason = 'not running inside GitHub Actions (no ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL)';
    deps.io.notice(`Rampart did not upload the SBOM artifact: ${reason}.`);
    return { status: 'skipped', reason };
  }
  try {
    const r = await deps.upload(name, files, rootDir);
    deps.io.info(`Uploaded the SBOM artifact "${name}" (${files.length} files${r.size !== undefined ? `, ${r.size} bytes` : ''}).`);
    return { status: 'uploaded', id: r.id, size: r.size };
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
    deps.io.warning(`Rampart could not upload the SBOM artifact "${name}": ${reason}`);
    return { status: 'failed', reason };
  }
}
