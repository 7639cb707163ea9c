/**
 * Numeric comparison of two runs of ASCII digits of any length, so that versions carrying dates or long build
 * numbers order correctly without overflowing a double. An empty run counts as zero, as in dpkg and rpm.
 */
export function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}
