import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@rampart/core';
import { DOCKER_HUB } from './reference.js';

export interface Credentials {
  username: string;
  password: string;
}

/** Where credentials come from; `env` is passed in so nothing reads process.env behind the caller's back. */
export interface CredentialSources {
  env: Readonly<Record<string, string | undefined>>;
  /** Directory of config.json; `$DOCKER_CONFIG` or `~/.docker` by default. */
  dockerConfigDir?: string;
  logger: Logger;
}

/** Docker stores Docker Hub credentials under its v1 index URL; other registries under their host. */
function configKeys(registry: string): string[] {
  if (registry === DOCKER_HUB) return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', DOCKER_HUB];
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
}

function decodeAuth(auth: string): Credentials | undefined {
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0 ? { username: text.slice(0, colon), password: text.slice(colon + 1) } : undefined;
}

async function fromDockerConfig(registry: string, sources: CredentialSources): Promise<Credentials | undefined> {
  const dir = sources.dockerConfigDir ?? sources.env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  let config: { auths?: Record<string, { auth?: string; username?: string; password?: string }>; credsStore?: string };
  try {
    config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as typeof config;
  } catch {
    return undefined;
  }
  for (const key of configKeys(registry)) {
    const entry = config.auths?.[key];
    if (entry?.auth) return decodeAuth(entry.auth);
    if (entry?.username && entry.password) return { username: entry.username, password: entry.password };
  }
  if (config.credsStore) sources.logger.debug(`docker config: credential store ${config.credsStore} is not consulted`);
  return undefined;
}

/**
 * Credentials for a registry, first found wins: RAMPART_REGISTRY_USERNAME/PASSWORD (for RAMPART_REGISTRY, or any
 * registry when it is unset), GitLab CI's job credentials for its own registry, GITHUB_TOKEN for ghcr.io, then the
 * `auths` of Docker's config.json. None means anonymous pulls.
 */
export async function findCredentials(registry: string, sources: CredentialSources): Promise<Credentials | undefined> {
  const env = sources.env;
  if (env.RAMPART_REGISTRY_USERNAME && env.RAMPART_REGISTRY_PASSWORD && (!env.RAMPART_REGISTRY || env.RAMPART_REGISTRY === registry)) {
    return { username: env.RAMPART_REGISTRY_USERNAME, password: env.RAMPART_REGISTRY_PASSWORD };
  }
  if (env.CI_REGISTRY === registry && env.CI_REGISTRY_USER && env.CI_REGISTRY_PASSWORD) {
    return { username: env.CI_REGISTRY_USER, password: env.CI_REGISTRY_PASSWORD };
  }
  if (registry === 'ghcr.io' && env.GITHUB_TOKEN) return { username: env.GITHUB_ACTOR ?? 'token', password: env.GITHUB_TOKEN };
  return fromDockerConfig(registry, sources);
}
