import type { OsvAffected, OsvEvent, OsvRange } from '../osv/types.js';

/** An order over versions; `VersionComparator` from src/versions satisfies it. */
export interface VersionOrder {
  isValid(version: string): boolean;
  compare(a: string, b: string): number;
}

/** The order a range is evaluated in: SEMVER ranges always use SemVer; ECOSYSTEM ranges the record ecosystem's. */
export interface RangeOrders {
  semver: VersionOrder;
  ecosystem: VersionOrder | undefined;
}

export type RangeVerdict =
  | { affected: true; fixed?: string }
  | { affected: false }
  | { unusable: string };

/** `introduced: "0"` sorts before every version; `limit: "*"` after every version (OSV "Special values"). */
const isZero = (e: OsvEvent): boolean => e.kind === 'introduced' && e.version === '0';
const isInfinity = (e: OsvEvent): boolean => e.kind === 'limit' && e.version.includes('*');

function eventCompare(order: VersionOrder, a: OsvEvent, b: OsvEvent): number {
  if (isZero(a) || isInfinity(b)) return isZero(b) || isInfinity(a) ? 0 : -1;
  if (isZero(b) || isInfinity(a)) return 1;
  return order.compare(a.version, b.version);
}

/**
 * Evaluates one range for `version`, exactly as the OSV schema's `IncludedInRanges` pseudocode: `BeforeLimits`
 * first, then the events sorted by version, walked in order. A range whose versions the order cannot read is
 * unusable (with the reason) rather than guessed at. When the version is affected, `fixed` is the `fixed` event
 * that closes the window the version is in, if the window is closed by one.
 */
export function evaluateRange(version: string, range: OsvRange, order: VersionOrder): RangeVerdict {
  if (!order.isValid(version)) return { unusable: `version ${version} cannot be ordered as ${range.type}` };
  const bad = range.events.find((e) => !isZero(e) && !isInfinity(e) && !order.isValid(e.version));
  if (bad) return { unusable: `${bad.kind} ${bad.version} cannot be ordered as ${range.type}` };

  const limits = range.events.filter((e) => e.kind === 'limit');
  const beforeLimits =
    limits.length === 0 || limits.some((e) => isInfinity(e) || order.compare(version, e.version) < 0);
  if (!beforeLimits) return { affected: false };

  // Stable sort keeps record order between equal versions, which the pseudocode leaves to the record.
  const sorted = [...range.events].sort((a, b) => eventCompare(order, a, b));
  let vulnerable = false;
  for (const e of sorted) {
    if (e.kind === 'introduced' && (isZero(e) || order.compare(version, e.version) >= 0)) vulnerable = true;
    else if (e.kind === 'fixed' && order.compare(version, e.version) >= 0) vulnerable = false;
    else if (e.kind === 'last_affected' && order.compare(version, e.version) > 0) vulnerable = false;
  }
  if (!vulnerable) return { affected: false };
  const closing = sorted.find(
    (e) =>
      (e.kind === 'fixed' && order.compare(e.version, version) > 0) ||
      (e.kind === 'last_affected' && order.compare(e.version, version) >= 0),
  );
  return closing?.kind === 'fixed' ? { affected: true, fixed: closing.version } : { affected: true };
}

export interface AffectedVerdict {
  affected: boolean;
  /** `fixed` versions of the windows the version is in; empty when nothing fixes it (yet). */
  fixed: string[];
  /** Ranges that could not be evaluated, with why. */
  unusable: string[];
}

/**
 * `IsVulnerable` for one `affected` entry: the version is listed in `versions`, or lies in any one range. GIT
 * ranges are skipped: their events are commits, and a package from a registry or a distro has no commit to
 * place in the repository's graph.
 */
export function evaluateAffected(version: string, affected: OsvAffected, orders: RangeOrders): AffectedVerdict {
  const fixed: string[] = [];
  const unusable: string[] = [];
  let inRange = false;
  affected.ranges.forEach((range, i) => {
    if (range.type === 'GIT') return;
    const order = range.type === 'SEMVER' ? orders.semver : orders.ecosystem;
    if (order === undefined) {
      unusable.push(`ranges[${i}]: no version comparator for ecosystem ${affected.package.ecosystem}`);
      return;
    }
    const verdict = evaluateRange(version, range, order);
    if ('unusable' in verdict) unusable.push(`ranges[${i}]: ${verdict.unusable}`);
    else if (verdict.affected) {
      inRange = true;
      if (verdict.fixed !== undefined && !fixed.includes(verdict.fixed)) fixed.push(verdict.fixed);
    }
  });
  const listed = affected.versions.includes(version);
  return { affected: inRange || listed, fixed, unusable };
}
