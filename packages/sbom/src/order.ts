/**
 * Code-unit order. `localeCompare` (which the CycloneDX library uses when asked to sort) depends on the ICU data and
 * locale of the machine, and the same inventory must give the same bytes everywhere.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(byCodeUnit);
}
