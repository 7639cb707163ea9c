import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { UserError, type Notification, type RawFinding, type Tool } from '@rampart/core';
import {
  builtinEngine,
  gateActions,
  parseRulesTsv,
  parseTarget,
  startCanaryListener,
  zapEngine,
  ZapUnavailableError,
  type CanaryListener,
  type DastEngine,
  type DastMode,
  type DastOptions,
  type RuleAction,
} from '@rampart/dast';
import type { CliDeps } from '../deps.js';
import { VERSION } from '../version.js';
import { finishRun, type ReportOutcome } from './finish.js';
import { cliLogger } from './log.js';
import { resolveSettings, type SettingFlags } from './settings.js';

export type EngineChoice = 'auto' | 'zap' | 'builtin';

export interface DastRequest {
  target: string;
  mode: DastMode;
  engine: EngineChoice;
  zapUrl?: string;
  zapApiKey?: string;
  /** How long to wait for ZAP to start (default 3 minutes; a service container takes a while). */
  startupTimeoutMs?: number;
  rulesFile?: string;
  openapi?: string;
  headers: string[];
  include: string[];
  exclude: string[];
  maxDurationSeconds: number;
  maxDepth: number;
  maxChildren: number;
  requestBudget: number;
  requestsPerSecond: number;
  concurrency: number;
  ajaxSpider: boolean;
  flags: SettingFlags;
}

function parseHeaders(raw: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of raw) {
    const i = h.indexOf(':');
    const name = i > 0 ? h.slice(0, i).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new UserError(`"${h.slice(0, 40)}" is not a header`, { field: '--header', expected: '"Name: value", e.g. "Authorization: Bearer <token>"' });
    }
    out[name] = h.slice(i + 1).trim();
  }
  return out;
}

function loadRules(req: DastRequest, deps: CliDeps): Map<string, RuleAction> {
  if (!req.rulesFile) return new Map();
  const full = isAbsolute(req.rulesFile) ? req.rulesFile : resolve(deps.cwd, req.rulesFile);
  if (!deps.exists(full)) throw new UserError('rules file not found', { file: req.rulesFile, field: '--rules', expected: "a ZAP rules.tsv file" });
  return parseRulesTsv(deps.readFile(full), req.rulesFile);
}

/** An OpenAPI URL is fetched by the engine (ZAP fetches it itself); a file is read here. */
function openapiOf(req: DastRequest, deps: CliDeps): DastOptions['openapi'] {
  if (!req.openapi) {
    if (req.mode === 'api') throw new UserError('api mode needs an OpenAPI definition', { field: '--openapi', expected: 'a URL or a file' });
    return undefined;
  }
  if (/^https?:\/\//.test(req.openapi)) return { url: req.openapi };
  const full = isAbsolute(req.openapi) ? req.openapi : resolve(deps.cwd, req.openapi);
  if (!deps.exists(full)) throw new UserError('OpenAPI file not found', { file: req.openapi, field: '--openapi' });
  return { text: deps.readFile(full) };
}

/** `auto`: ZAP when it answers; a ZAP that never starts (a missing service) means the built-in engine, said out loud. */
function withFallback(zap: DastEngine, builtin: DastEngine, notes: Notification[]): DastEngine {
  return {
    id: 'zap',
    async scan(options, deps) {
      try {
        return await zap.scan(options, deps);
      } catch (e) {
        if (!(e instanceof ZapUnavailableError)) throw e;
        notes.push({ level: 'warning', message: `${e.message}: scanned with the built-in engine instead` });
        return builtin.scan(options, deps);
      }
    },
  };
}

/** Where ZAP is reachable: `--zap-url`, else `ZAP_URL` (the GitLab service, the action's container). */
async function chooseEngine(req: DastRequest, deps: CliDeps, notes: Notification[], canary?: CanaryListener): Promise<DastEngine> {
  const builtin = builtinEngine({ version: VERSION, ...(canary ? { canary } : {}) });
  if (req.engine === 'builtin') return builtin;
  const url = req.zapUrl ?? deps.env.ZAP_URL;
  const apiKey = req.zapApiKey ?? deps.env.ZAP_API_KEY ?? '';
  if (url) {
    const zap = zapEngine({ url, apiKey, ...(req.startupTimeoutMs !== undefined ? { startupTimeoutMs: req.startupTimeoutMs } : {}) });
    return req.engine === 'auto' ? withFallback(zap, builtin, notes) : zap;
  }
  if (req.engine === 'zap') {
    throw new UserError('no ZAP to drive', { field: '--zap-url', expected: 'the URL of a running ZAP daemon (or ZAP_URL), or --engine builtin' });
  }
  notes.push({ level: 'note', message: 'no ZAP given (--zap-url or ZAP_URL): scanned with the built-in engine' });
  return builtin;
}

export interface DastStepResult {
  findings: RawFinding[];
  tool: Tool;
  notifications: Notification[];
  scannedResources: { method: string; url: string }[];
  extraFiles: { name: string; content: string }[];
  ruleActions: Map<string, 'fail' | 'warn'>;
}

/** The scan itself, shared by `rampart dast` and `rampart scan --target`. */
export async function runDastStep(req: DastRequest, deps: CliDeps): Promise<DastStepResult> {
  parseTarget(req.target);
  const rules = loadRules(req, deps);
  const notes: Notification[] = [];
  const openapi = openapiOf(req, deps);
  const options: DastOptions = {
    target: req.target, mode: req.mode, include: req.include, exclude: req.exclude,
    headers: parseHeaders(req.headers), maxDurationSeconds: req.maxDurationSeconds, maxDepth: req.maxDepth,
    maxChildren: req.maxChildren, requestBudget: req.requestBudget, requestsPerSecond: req.requestsPerSecond,
    concurrency: req.concurrency, rules, ajaxSpider: req.ajaxSpider, ...(openapi ? { openapi } : {}),
  };
  // The SSRF check needs somewhere the target can be made to call: a listener on loopback, for full mode only.
  const canary = req.mode === 'full' && req.engine !== 'zap' ? await startCanaryListener() : undefined;
  let result: Awaited<ReturnType<DastEngine['scan']>>;
  try {
    const engine = await chooseEngine(req, deps, notes, canary);
    result = await engine.scan(options, { logger: cliLogger(deps), now: deps.now });
  } finally {
    await canary?.close();
  }
  return {
    findings: result.findings,
    tool: result.tool,
    notifications: [...notes, ...result.notifications],
    scannedResources: result.scannedResources,
    extraFiles: [{ name: 'zap-report.json', content: result.zapReport }],
    ruleActions: gateActions(rules),
  };
}

/** `rampart dast`: one scan of a running web app, with ZAP or the built-in engine, through the usual gate and outputs. */
export async function runDastRequest(req: DastRequest, deps: CliDeps): Promise<ReportOutcome> {
  const startedAt = deps.now();
  const settings = resolveSettings(req.flags, deps);
  const step = await runDastStep(req, deps);
  // DAST findings have URLs, not files: Code Quality cannot show them.
  const formats = settings.formats.filter((f) => f !== 'codequality');
  return finishRun(
    {
      scanner: 'dast',
      startedAt,
      findings: step.findings,
      tools: [step.tool],
      notifications: step.notifications,
      scannedResources: step.scannedResources,
      gitlabReportTypes: ['dast'],
      extraFiles: step.extraFiles,
      ruleActions: step.ruleActions,
    },
    { ...settings, formats },
    deps,
  );
}

/** A fresh API key for a ZAP the action or a user starts for one scan. */
export function newZapApiKey(): string {
  return randomBytes(24).toString('hex');
}
