import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';

/** One artifact as the fake results service and blob store received it. */
export interface FakeArtifact {
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** The uploaded zip, assembled from its blocks. */
  zip: Buffer;
  size: string | undefined;
  hash: string | undefined;
  finalized: boolean;
}

export interface FakeArtifactService {
  /** `ACTIONS_RESULTS_URL`. */
  url: string;
  /** An `ACTIONS_RUNTIME_TOKEN` the artifact client accepts: an unsigned JWT carrying the run and job ids. */
  runtimeToken: string;
  artifacts: FakeArtifact[];
  close(): Promise<void>;
}

const RUN_ID = '11111111-2222-3333-4444-555555555555';
const JOB_ID = '66666666-7777-8888-9999-000000000000';
const b64url = (s: string) => Buffer.from(s).toString('base64url');

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The two services `@actions/artifact` talks to, on 127.0.0.1: the results service (Twirp JSON: CreateArtifact,
 * FinalizeArtifact) and the Azure blob store behind the signed upload URL (Put Block, Put Block List).
 */
export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const blocks = new Map<string, Map<string, Buffer>>();
  const artifacts: FakeArtifact[] = [];
  let base = '';
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      const data = await body(req);
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const twirp = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(url.pathname)?.[1];
      if (twirp && req.method === 'POST') {
        const msg = JSON.parse(data.toString('utf8')) as Record<string, string | { value?: string } | undefined>;
        const str = (k: string, camel: string) => (msg[k] ?? msg[camel]) as string | undefined;
        const runId = str('workflow_run_backend_id', 'workflowRunBackendId');
        const jobId = str('workflow_job_run_backend_id', 'workflowJobRunBackendId');
        if (runId !== RUN_ID || jobId !== JOB_ID) return json(400, { code: 'invalid_argument', msg: 'backend ids do not match the token' });
        const name = String(msg.name ?? '');
        if (twirp === 'CreateArtifact') {
          if (artifacts.some((a) => a.name === name)) return json(409, { code: 'already_exists', msg: `an artifact named ${name} exists` });
          artifacts.push({ name, workflowRunBackendId: runId, workflowJobRunBackendId: jobId, zip: Buffer.alloc(0), size: undefined, hash: undefined, finalized: false });
          return json(200, { ok: true, signed_upload_url: `${base}/blob/${encodeURIComponent(name)}?sig=fake` });
        }
        if (twirp === 'FinalizeArtifact') {
          const a = artifacts.find((x) => x.name === name);
          if (!a) return json(404, { code: 'not_found', msg: 'no such artifact' });
          a.finalized = true;
          a.size = str('size', 'size');
          const hash = msg.hash;
          a.hash = typeof hash === 'string' ? hash : hash?.value;
          return json(200, { ok: true, artifact_id: String(artifacts.indexOf(a) + 1) });
        }
        return json(404, { code: 'bad_route', msg: twirp });
      }
      const blob = /^\/blob\/([^/]+)$/.exec(url.pathname)?.[1];
      if (blob && req.method === 'PUT') {
        const name = decodeURIComponent(blob);
        const mine = blocks.get(name) ?? new Map<string, Buffer>();
        blocks.set(name, mine);
        const comp = url.searchParams.get('comp');
        const headers = { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'x-ms-request-id': 'fake', 'x-ms-version': '2024-11-04' };
        if (comp === 'block') {
          mine.set(url.searchParams.get('blockid') ?? '', data);
        } else if (comp === 'blocklist') {
          const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map((m) => m[1] ?? '');
          const a = artifacts.find((x) => x.name === name);
          if (a) a.zip = Buffer.concat(ids.map((id) => mine.get(id) ?? Buffer.alloc(0)));
        } else {
          const a = artifacts.find((x) => x.name === name);
          if (a) a.zip = data;
        }
        res.writeHead(201, headers);
        return res.end();
      }
      res.writeHead(404);
      res.end();
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const runtimeToken = `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify({ scp: `Actions.GenericRead Actions.Results:${RUN_ID}:${JOB_ID}` }))}.`;
  return {
    url: `${base}/`,
    runtimeToken,
    artifacts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The files of a zip (stored or deflated), read from its central directory. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
