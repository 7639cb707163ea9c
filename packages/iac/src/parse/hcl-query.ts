import type { HclAttribute, HclBlock, HclBody, HclExpr } from './hcl-types.js';

/** `resource "<type>" "<name>"` blocks of the given types. */
export function resources(body: HclBody, ...types: string[]): HclBlock[] {
  return body.blocks.filter((b) => b.type === 'resource' && types.includes(b.labels[0] ?? ''));
}

export function dataSources(body: HclBody, ...types: string[]): HclBlock[] {
  return body.blocks.filter((b) => b.type === 'data' && types.includes(b.labels[0] ?? ''));
}

export function attr(body: HclBody, name: string): HclAttribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

export function blocksOf(body: HclBody, type: string): HclBlock[] {
  return body.blocks.filter((b) => b.type === type);
}

/** A literal's value: strings, numbers and booleans as they are; anything computed is undefined. */
export function literal(e: HclExpr | undefined): string | number | boolean | undefined {
  if (e === undefined) return undefined;
  if (e.type === 'string' || e.type === 'number' || e.type === 'bool') return e.value;
  return undefined;
}

export function literalString(e: HclExpr | undefined): string | undefined {
  const v = literal(e);
  return v === undefined ? undefined : String(v);
}

/** Literal strings of a list (or of a single string); computed items are left out. */
export function literalStrings(e: HclExpr | undefined): string[] {
  if (e === undefined) return [];
  if (e.type === 'list') return e.items.map(literalString).filter((s): s is string => s !== undefined);
  const one = literalString(e);
  return one === undefined ? [] : [one];
}

export function isLiteralFalse(e: HclExpr | undefined): boolean {
  return e !== undefined && ((e.type === 'bool' && !e.value) || (e.type === 'string' && e.value === 'false'));
}

export function isLiteralTrue(e: HclExpr | undefined): boolean {
  return e !== undefined && ((e.type === 'bool' && e.value) || (e.type === 'string' && e.value === 'true'));
}

/** Marks a value the file computes, so a rule never treats it as a literal it can judge. */
export const COMPUTED: unique symbol = Symbol('computed');

/** The expression as plain data (`jsonencode({...})` as its argument); computed parts become COMPUTED. */
export function toData(e: HclExpr): unknown {
  switch (e.type) {
    case 'string':
    case 'number':
    case 'bool':
      return e.value;
    case 'null':
      return null;
    case 'list':
      return e.items.map(toData);
    case 'object':
      return Object.fromEntries(e.attrs.map((a) => [a.name, toData(a.value)]));
    case 'call':
      return e.name === 'jsonencode' && e.args[0] !== undefined ? toData(e.args[0]) : COMPUTED;
    default:
      return COMPUTED;
  }
}
