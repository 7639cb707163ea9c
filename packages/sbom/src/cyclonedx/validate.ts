import type { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
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

async function loadValidator(): Promise<typeof JsonStrictValidator> {
  try {
    return (await import('@cyclonedx/cyclonedx-library/Validation')).JsonStrictValidator;
  } catch (e) {
    throw new Error(
      'The CycloneDX validator could not load. It reads its schemas from the installed @cyclonedx/cyclonedx-library ' +
        'package, so a bundle must keep that package external (and ship it in node_modules).',
      { cause: e },
    );
  }
}

// One validator per version and process: compiling the schema is the expensive part.
const validators = new Map<CycloneDxVersion, JsonStrictValidator>();

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
    // Loaded here, not on import: the validator module resolves its schema files from its own directory when it loads,
    // which a bundle that inlines the library cannot satisfy; building documents must keep working there.
    validator = new (await loadValidator())(specOf(specVersion));
    validators.set(specVersion, validator);
  }
  const error: unknown = await validator.validate(json);
  return error === null ? [] : describe(error);
}
