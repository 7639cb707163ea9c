import type { HttpResponse, ScopedHttp } from '../http/client.js';

/** One instance of an alert, as ZAP reports it. */
export interface AlertInstance {
  uri: string;
  method: string;
  param?: string;
  attack?: string;
  evidence?: string;
  otherinfo?: string;
}

/** What a check knows about the alert it raises: ZAP's plugin id and texts, so reports read like ZAP's. */
export interface AlertDef {
  pluginId: string;
  name: string;
  /** ZAP risk: 0 informational, 1 low, 2 medium, 3 high. */
  risk: 0 | 1 | 2 | 3;
  /** ZAP confidence: 1 low, 2 medium, 3 high, 4 confirmed. */
  confidence: 1 | 2 | 3 | 4;
  cweId: number;
  wascId: number;
  description: string;
  solution: string;
  reference: string;
}

export interface Raised {
  def: AlertDef;
  instance: AlertInstance;
}

/**
 * A passive check reads responses the crawler already has and sends nothing. Contract (checked for every registered
 * check by `passive/contract.test.ts`): pure, no network, a unique ZAP plugin id, and it never raises on the
 * hardened test app's responses.
 */
export interface PassiveCheck {
  readonly def: AlertDef | readonly AlertDef[];
  check(response: HttpResponse): Raised[];
}

/** Where a payload can go: a query or form parameter of a request the crawler saw. */
export interface InjectionPoint {
  method: 'GET' | 'POST';
  /** The URL without the parameter's value (query kept for GET points). */
  url: string;
  /** Every parameter of the request with its observed value; the check replaces one. */
  params: Record<string, string>;
  param: string;
  /** How POST bodies are encoded. */
  encoding?: 'form' | 'json';
}

/** A baseline response to an injection point, sent once and shared by the checks. */
export interface ActiveContext {
  http: ScopedHttp;
  /** Sends the point's request with `param` set to `value`. */
  send(point: InjectionPoint, value: string): Promise<HttpResponse>;
  /** A URL on the scan's own canary listener (SSRF checks); undefined when none is running. */
  canaryUrl?: (token: string) => string;
  /** Whether the canary listener received `token`. */
  canaryHit?: (token: string) => boolean;
}

/**
 * An active check sends payloads to injection points, in `full` mode only. Contract: payloads are never destructive
 * (no DROP, DELETE, shutdown, rm: detection by reflection, errors, boolean differences and timing only), every request
 * goes through `ActiveContext`, and it never raises on the hardened test app.
 */
export interface ActiveCheck {
  readonly def: AlertDef;
  run(point: InjectionPoint, ctx: ActiveContext): Promise<Raised[]>;
}
