import { parse } from 'yaml';

export interface ApiOperation {
  method: 'GET' | 'POST';
  /** Path with example values filled into `{templates}`. */
  path: string;
  query: Record<string, string>;
  body?: Record<string, string>;
}

type Json = Record<string, unknown>;

function exampleFor(schema: unknown): string {
  const s = (schema ?? {}) as Json;
  if (s.example !== undefined) return String(s.example);
  if (Array.isArray(s.enum) && s.enum.length > 0) return String(s.enum[0]);
  return s.type === 'integer' || s.type === 'number' ? '1' : 'rampart';
}

/**
 * The GET and POST operations of an OpenAPI 3 or Swagger 2 definition, with example values, so the crawler can
 * reach an API that has no links. Other methods are left alone: a scan must not PUT or DELETE.
 */
export function openapiOperations(text: string): ApiOperation[] {
  let doc: Json;
  try {
    doc = parse(text) as Json;
  } catch {
    return [];
  }
  const paths = (doc?.paths ?? {}) as Record<string, Json>;
  const ops: ApiOperation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const method of ['get', 'post'] as const) {
      const op = item?.[method] as Json | undefined;
      if (!op) continue;
      const params = [...((item.parameters as Json[] | undefined) ?? []), ...((op.parameters as Json[] | undefined) ?? [])];
      let path = template;
      const query: Record<string, string> = {};
      const form: Record<string, string> = {};
      for (const p of params) {
        const name = String(p.name ?? '');
        const value = exampleFor(p.schema ?? p);
        if (p.in === 'path') path = path.replace(`{${name}}`, encodeURIComponent(value));
        else if (p.in === 'query') query[name] = value;
        else if (p.in === 'formData') form[name] = value;
      }
      const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>;
      const bodySchema = (content['application/json']?.schema ?? content['application/x-www-form-urlencoded']?.schema) as Json | undefined;
      for (const [name, prop] of Object.entries((bodySchema?.properties ?? {}) as Record<string, unknown>)) form[name] = exampleFor(prop);
      ops.push({ method: method === 'get' ? 'GET' : 'POST', path, query, ...(Object.keys(form).length > 0 ? { body: form } : {}) });
    }
  }
  return ops;
}
