/** CWE-798: use of hard-coded credentials. */
export const CREDENTIAL = ['CWE-798'];
/** Keys add CWE-321: use of a hard-coded cryptographic key. */
export const CRYPTO_KEY = ['CWE-798', 'CWE-321'];

/** `true` when the string has letters of both cases and a digit, as generated tokens almost always do. */
export function mixedAlnum(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}
