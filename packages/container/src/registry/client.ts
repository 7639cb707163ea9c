import { ServiceError, type Logger } from '@rampart/core';
import { parseChallenge, type Challenge } from './challenge.js';
import type { Credentials } from './credentials.js';
import type { ImageReference } from './reference.js';

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  credentials?: Credentials;
  /** Plain HTTP, as for a registry on localhost; on by default for localhost and loopback addresses only. */
  insecure?: boolean;
  fetch?: Fetch;
  logger: Logger;
  /** For manifest, token and config requests; layer downloads run as long as they keep streaming. */
  timeoutMs?: number;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

function basic(c: Credentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}

/**
 * Talks to one repository of a registry over the OCI distribution API, answering its auth challenge once: Basic
 * with the credentials, or Bearer with a token from the challenge's realm (anonymous, or with the credentials), as
 * Docker Hub, GHCR and the GitLab registry all ask.
 */
export class RegistryClient {
  private authorization: string | undefined;
  readonly base: string;
  private readonly fetch: Fetch;

  constructor(
    readonly ref: ImageReference,
    private readonly options: ClientOptions,
  ) {
    const scheme = options.insecure ?? LOOPBACK.test(ref.registry) ? 'http' : 'https';
    this.base = `${scheme}://${ref.registry}/v2/${ref.repository}`;
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  }

  /** GET `<base><path>`; `timed` requests are aborted after the timeout, layer downloads are not. */
  async get(path: string, headers: Record<string, string>, timed = true): Promise<Response> {
    let res = await this.send(path, headers, timed);
    // Also when a token was held: Docker Hub's expire after five minutes, shorter than a large image's pull.
    if (res.status === 401) {
      await res.body?.cancel();
      await this.authenticate(parseChallenge(res.headers.get('www-authenticate')));
      res = await this.send(path, headers, timed);
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      const hint = this.options.credentials ? 'with the credentials found' : 'anonymously (no credentials were found)';
      throw new ServiceError(`registry ${this.ref.registry} refused access to ${this.ref.repository} ${hint}: HTTP ${res.status}`);
    }
    return res;
  }

  private async send(path: string, headers: Record<string, string>, timed: boolean): Promise<Response> {
    const all = { ...headers, ...(this.authorization ? { authorization: this.authorization } : {}) };
    try {
      return await this.fetch(`${this.base}${path}`, {
        headers: all,
        redirect: 'follow',
        ...(timed ? { signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000) } : {}),
      });
    } catch (err) {
      throw new ServiceError(`registry ${this.ref.registry} unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async authenticate(challenge: Challenge | undefined): Promise<void> {
    const creds = this.options.credentials;
    if (challenge?.scheme === 'basic') {
      if (!creds) throw new ServiceError(`registry ${this.ref.registry} asks for a password and none was found`);
      this.authorization = basic(creds);
      return;
    }
    const realm = challenge?.scheme === 'bearer' ? challenge.params.realm : undefined;
    if (!realm) throw new ServiceError(`registry ${this.ref.registry} answered 401 without a usable WWW-Authenticate challenge`);
    const url = new URL(realm);
    if (challenge?.params.service) url.searchParams.set('service', challenge.params.service);
    url.searchParams.set('scope', challenge?.params.scope ?? `repository:${this.ref.repository}:pull`);
    let res: Response;
    try {
      res = await this.fetch(url.toString(), {
        headers: creds ? { authorization: basic(creds) } : {},
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (err) {
      throw new ServiceError(`token service ${url.host} unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new ServiceError(`token service ${url.host} refused a token for ${this.ref.repository}: HTTP ${res.status}`);
    }
    const body = (await res.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
    const token = typeof body.token === 'string' ? body.token : typeof body.access_token === 'string' ? body.access_token : undefined;
    if (!token) throw new ServiceError(`token service ${url.host} answered without a token`);
    this.options.logger.debug(`registry ${this.ref.registry}: bearer token for ${this.ref.repository}`);
    this.authorization = `Bearer ${token}`;
  }
}
