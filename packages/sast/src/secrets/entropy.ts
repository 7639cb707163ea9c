/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  const n = [...counts.values()].reduce((a, b) => a + b, 0);
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export type Alphabet = 'hex' | 'base64' | 'other';

/** Which alphabet a value is drawn from: its possible entropy per character differs. */
export function alphabetOf(value: string): Alphabet {
  if (/^[0-9a-fA-F]+$/.test(value) && (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value))) return 'hex';
  if (/^[A-Za-z0-9+/=_-]+$/.test(value)) return 'base64';
  return 'other';
}

/**
 * Whether a value looks random enough to be a generated credential. The thresholds sit a little
 * under what random strings of the alphabet reach at that length (a random 16-char base64 string
 * averages ~3.7 bits), so random keys pass and words, identifiers and repeated patterns do not.
 */
export function isHighEntropy(value: string): boolean {
  const h = shannonEntropy(value);
  const n = value.length;
  // Short strings cannot reach the alphabet's maximum: log2(n) bounds the entropy.
  const ceiling = Math.log2(n);
  switch (alphabetOf(value)) {
    case 'hex':
      return n >= 20 && h >= Math.min(3.0, ceiling - 1.2);
    case 'base64':
      return n >= 16 && h >= Math.min(3.6, ceiling - 0.8) && /\d/.test(value) && /[A-Za-z]/.test(value);
    case 'other':
      // Words joined by punctuation (`__Host-next-auth.session-token`) have no digit; generated
      // passwords of this length almost always do.
      return n >= 12 && h >= Math.min(3.5, ceiling - 0.6) && characterClasses(value) >= 3 && /\d/.test(value);
  }
}

export function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}
