import { Validation } from '@cyclonedx/cyclonedx-library';
import type { CycloneDxVersion } from '../options.js';
import { specOf } from './build.js';

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  params?: unknown;
}

function describe(error: unknown): string[] {
  if (!Array.isArray(error)) return [String(error)];
  return error.map((e: AjvLikeError) => {
    const where = e.instancePath !== undefined && e.instancePath !== '' ? e.instancePath : '/';
    return `${where}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params ?? {})}`;
  });
}

// One validator per version and process: compiling the schema is the expensive part.
const validators = new Map<CycloneDxVersion, Validation.JsonStrictValidator>();

/**
 * Errors of a CycloneDX JSON document against the official (strict) schema, through the library's validator; empty
 * when the document is valid. Text that is not JSON is reported as such rather than thrown.
 */
export async function validateCycloneDx(json: string, specVersion: CycloneDxVersion = '1.6'): Promise<string[]> {
  try {
    JSON.parse(json);
  } catch (e) {
    return [`not JSON: ${(e as Error).message}`];
  }
  let validator = validators.get(specVersion);
  if (validator === undefined) {
    validator = new Validation.JsonStrictValidator(specOf(specVersion));
    validators.set(specVersion, validator);
  }
  const error: unknown = await validator.validate(json);
  return error === null ? [] : describe(error);
}
