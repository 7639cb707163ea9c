import { UserError } from '@rampart/core';
import { envValue, type Env } from '../env.js';

interface CommonInputDef {
  required?: boolean;
  description?: string;
  /**
   * The default exactly as action.yml writes it when it is an expression the runner evaluates
   * (`${{ github.token }}`): the runner always sets such inputs, so the spec has no `default` of its own,
   * but the action.yml check still compares this text.
   */
  actionYmlDefault?: string;
}
export interface StringInputDef extends CommonInputDef {
  kind: 'string';
  default?: string;
  /** A token or password: `readInputs` masks its value (setSecret) before anything can log it. */
  secret?: boolean;
}
/** Unset and without a default reads as `false`. */
export interface BooleanInputDef extends CommonInputDef {
  kind: 'boolean';
  default?: boolean;
}
/** Newline- or comma-separated; unset and without a default reads as `[]`. */
export interface ListInputDef extends CommonInputDef {
  kind: 'list';
  default?: readonly string[];
}
export interface EnumInputDef<V extends string = string> extends CommonInputDef {
  kind: 'enum';
  values: readonly V[];
  default?: V;
}
export type InputDef = StringInputDef | BooleanInputDef | ListInputDef | EnumInputDef;
export type InputSpec = Readonly<Record<string, InputDef>>;

type CamelCase<S extends string> = S extends `${infer H}-${infer T}`
  ? `${H}${Capitalize<CamelCase<T>>}`
  : S extends `${infer H}_${infer T}`
    ? `${H}${Capitalize<CamelCase<T>>}`
    : S extends `${infer H} ${infer T}`
      ? `${H}${Capitalize<CamelCase<T>>}`
      : S;

type Maybe<D, T> = D extends { default: unknown } | { required: true } ? T : T | undefined;

export type InputValue<D> = D extends { kind: 'boolean' }
  ? boolean
  : D extends { kind: 'list' }
    ? string[]
    : D extends { kind: 'enum'; values: readonly (infer V extends string)[] }
      ? Maybe<D, V>
      : D extends { kind: 'string' }
        ? Maybe<D, string>
        : never;

/** The typed object `readInputs` returns: input `fail-on` (or `fail_on`, `fail on`) becomes property `failOn`. */
export type Inputs<S extends InputSpec> = {
  -readonly [K in keyof S & string as CamelCase<K>]: InputValue<S[K]>;
};

/** Identity at run time; the `const` type parameter keeps literal enum values without `as const`. */
export function defineInputs<const S extends InputSpec>(spec: S): S {
  return spec;
}

export function inputPropertyName(name: string): string {
  return name.replace(/[-_ ]+([A-Za-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** The variable the runner sets for an input: spaces become `_`, upper-cased, dashes kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The same strings @actions/core's getBooleanInput accepts (the YAML 1.2 core schema booleans). */
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function parseList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function invalid(name: string, raw: string, expected: string): UserError {
  return new UserError(`action input "${name}" has the value "${raw}"`, { field: `with.${name}`, expected });
}

/** Parses one raw (non-blank, trimmed) value as the input's kind. */
export function parseInputValue(name: string, def: InputDef, raw: string): string | boolean | string[] {
  switch (def.kind) {
    case 'string':
      return raw;
    case 'boolean':
      if (TRUE.includes(raw)) return true;
      if (FALSE.includes(raw)) return false;
      throw invalid(name, raw, 'true or false');
    case 'list':
      return parseList(raw);
    case 'enum': {
      // Case-insensitive so `High` works, but the value handed on is always the canonical spelling.
      const match = def.values.find((v) => v.toLowerCase() === raw.toLowerCase());
      if (match === undefined) throw invalid(name, raw, `one of ${def.values.join(', ')}`);
      return match;
    }
  }
}

function defaultValue(def: InputDef): string | boolean | string[] | undefined {
  if (def.kind === 'list') return def.default ? [...def.default] : [];
  if (def.kind === 'boolean') return def.default ?? false;
  return def.default;
}

/**
 * Reads every input of `spec` from `env` (as the runner sets them: `INPUT_<NAME>`) once, into a typed
 * object. A blank value counts as unset, as it does for @actions/core. Pass `mask` (an ActionsIO) to
 * have `secret` inputs masked as they are read.
 */
export function readInputs<const S extends InputSpec>(spec: S, env: Env, mask?: { setSecret(value: string): void }): Inputs<S> {
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(spec)) {
    const raw = envValue(env, inputEnvName(name));
    if (raw !== undefined && def.kind === 'string' && def.secret) mask?.setSecret(raw);
    let value: unknown;
    if (raw !== undefined) value = parseInputValue(name, def, raw);
    else if (def.required && def.default === undefined) {
      throw new UserError(`action input "${name}" is required and was not supplied`, {
        field: `with.${name}`,
        expected: def.kind === 'enum' ? `one of ${def.values.join(', ')}` : `a ${def.kind} value`,
      });
    } else value = defaultValue(def);
    out[inputPropertyName(name)] = value;
  }
  // The loop builds exactly the mapped type; TypeScript cannot follow a key rename through Object.entries.
  return out as Inputs<S>;
}

/** The gate and output inputs every scanning action has, with the same names, values and defaults. */
export const GATE_INPUTS = defineInputs({
  'fail-on': { kind: 'enum', values: ['critical', 'high', 'medium', 'low', 'info', 'none'] },
  'new-only': { kind: 'boolean', default: false },
  baseline: { kind: 'string' },
  config: { kind: 'string' },
  'output-dir': { kind: 'string', default: 'rampart-reports' },
});

/** The publishing inputs every scanning action has: SARIF upload, the sticky comment and the token for both. */
export const PUBLISH_INPUTS = defineInputs({
  'upload-sarif': { kind: 'boolean', default: false },
  comment: { kind: 'boolean', default: true },
  'github-token': { kind: 'string', secret: true, actionYmlDefault: '${{ github.token }}' },
});
