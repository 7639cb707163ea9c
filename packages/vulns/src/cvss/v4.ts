/** CVSS v4.0: not implemented yet; see cvss/index.ts. */
export function cvss4BaseScore(_vector: string): { version: '4.0'; score: number } | undefined {
  return undefined;
}
