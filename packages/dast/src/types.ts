import type { Logger, Notification, RawFinding, Tool, ZapAlert } from '@rampart/core';

export type DastMode = 'baseline' | 'full' | 'api';

/** What ZAP's rules.tsv and `.rampart.yml` `dast.rules` say about one plugin id. */
export type RuleAction = 'IGNORE' | 'WARN' | 'FAIL';

export interface DastOptions {
  /** The target's start URL; its origin is the scope unless `include` widens it. */
  target: string;
  mode: DastMode;
  /** Regexes of URLs to add to the scope (never other origins unless they match) and to leave out of it. */
  include: string[];
  exclude: string[];
  /** OpenAPI definition (URL or file content) for `api` mode and for the built-in crawler's seeds. */
  openapi?: { url?: string; text?: string };
  /** Sent with every request: `Authorization: Bearer ...`, `Cookie: ...`. */
  headers: Record<string, string>;
  maxDurationSeconds: number;
  maxDepth: number;
  maxChildren: number;
  /** Built-in engine: the most requests it may send, and how many per second. */
  requestBudget: number;
  requestsPerSecond: number;
  concurrency: number;
  rules: Map<string, RuleAction>;
  /** ZAP only: run the AJAX spider after the traditional one (needs a browser inside ZAP's image). */
  ajaxSpider: boolean;
}

export interface DastRunDeps {
  logger: Logger;
  now: () => Date;
  /** Tests shorten waits (ZAP start-up, passive queue polling). */
  sleep?: (ms: number) => Promise<void>;
}

export interface DastResult {
  /** Alerts in ZAP's traditional-report shape, so both engines write the same ZAP JSON report and map the same way. */
  alerts: ZapAlert[];
  findings: RawFinding[];
  scannedResources: { method: string; url: string }[];
  notifications: Notification[];
  tool: Tool;
  /** ZAP's traditional JSON report of the run (ZAP's own for the ZAP engine), saved beside our outputs. */
  zapReport: string;
}

/** One way of scanning a target: the ZAP driver or the built-in engine. */
export interface DastEngine {
  readonly id: 'zap' | 'builtin';
  scan(options: DastOptions, deps: DastRunDeps): Promise<DastResult>;
}
