/**
 * Strict parsing of a CVSS vector's `metric:value` list: every metric known, each at most once, every value one
 * its metric allows, and every mandatory metric present. The scoring modules pass the table of their version.
 */
export type MetricTable = Readonly<Record<string, readonly string[]>>;

export function parseMetrics(
  parts: readonly string[],
  allowed: MetricTable,
  mandatory: readonly string[],
): Map<string, string> | undefined {
  const metrics = new Map<string, string>();
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon <= 0) return undefined;
    const key = part.slice(0, colon);
    const value = part.slice(colon + 1);
    const values = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
    if (!values?.includes(value) || metrics.has(key)) return undefined;
    metrics.set(key, value);
  }
  return mandatory.every((m) => metrics.has(m)) ? metrics : undefined;
}
