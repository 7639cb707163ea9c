import { isDeepStrictEqual } from 'node:util';
import { UserError } from '@rampart/core';
import { parse } from 'yaml';
import { parseInputValue, type InputDef, type InputSpec } from './inputs.js';

export interface SpecDifference {
  input: string;
  problem: string;
}

interface YmlInput {
  default?: unknown;
  required?: unknown;
}

function ymlInputs(actionYmlText: string): Record<string, YmlInput> {
  let doc: unknown;
  try {
    doc = parse(actionYmlText);
  } catch (e) {
    throw new UserError(`action.yml is not valid YAML: ${(e as Error).message}`, { file: 'action.yml' });
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError('action.yml is not a mapping', { file: 'action.yml', expected: 'a YAML mapping' });
  }
  const inputs = (doc as { inputs?: unknown }).inputs;
  if (inputs === undefined || inputs === null) return {};
  if (typeof inputs !== 'object' || Array.isArray(inputs)) {
    throw new UserError('`inputs` is not a mapping', { file: 'action.yml', field: 'inputs', expected: 'a mapping' });
  }
  const out: Record<string, YmlInput> = {};
  for (const [k, v] of Object.entries(inputs as Record<string, unknown>)) {
    out[k] = v !== null && typeof v === 'object' ? (v as YmlInput) : {};
  }
  return out;
}

function compareDefault(name: string, def: InputDef, yml: YmlInput): string | undefined {
  // The runner hands every default over as a string, whatever YAML type it was written as.
  const ymlDefault = yml.default === undefined || yml.default === null ? undefined : String(yml.default);
  if (def.actionYmlDefault !== undefined) {
    return ymlDefault === def.actionYmlDefault
      ? undefined
      : `default is ${JSON.stringify(ymlDefault)} in action.yml but the spec expects ${JSON.stringify(def.actionYmlDefault)}`;
  }
  const specHasDefault = def.default !== undefined;
  if (ymlDefault === undefined || ymlDefault === '') {
    return specHasDefault ? `the spec has default ${JSON.stringify(def.default)} but action.yml has none` : undefined;
  }
  if (!specHasDefault) return `action.yml has default ${JSON.stringify(ymlDefault)} but the spec has none`;
  let parsed: unknown;
  try {
    parsed = parseInputValue(name, def, ymlDefault.trim());
  } catch {
    return `action.yml default ${JSON.stringify(ymlDefault)} is not a valid ${def.kind} value`;
  }
  const expected = def.kind === 'list' ? [...(def.default ?? [])] : def.default;
  return isDeepStrictEqual(parsed, expected)
    ? undefined
    : `default is ${JSON.stringify(ymlDefault)} in action.yml but ${JSON.stringify(def.default)} in the spec`;
}

/**
 * What differs between an input spec and the `inputs:` of an action.yml: names, defaults (compared as
 * parsed values, so `a, b` equals `['a', 'b']`) and `required`. Each action has a test that this is empty.
 */
export function checkSpecAgainstActionYml(spec: InputSpec, actionYmlText: string): SpecDifference[] {
  const yml = ymlInputs(actionYmlText);
  const diffs: SpecDifference[] = [];
  for (const name of Object.keys(yml)) {
    if (!(name in spec)) diffs.push({ input: name, problem: 'in action.yml but not in the input spec' });
  }
  for (const [name, def] of Object.entries(spec)) {
    const y = yml[name];
    if (y === undefined) {
      diffs.push({ input: name, problem: 'in the input spec but not in action.yml' });
      continue;
    }
    const d = compareDefault(name, def, y);
    if (d) diffs.push({ input: name, problem: d });
    const ymlRequired = y.required === true || y.required === 'true';
    if (ymlRequired !== (def.required === true)) {
      diffs.push({ input: name, problem: `required is ${ymlRequired} in action.yml but ${def.required === true} in the spec` });
    }
  }
  return diffs;
}

/**
 * The defaults of action.yml's inputs as the runner would pass them (strings, expressions unevaluated):
 * what the runner emulator sets for inputs a test leaves out.
 */
export function actionYmlInputDefaults(actionYmlText: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, y] of Object.entries(ymlInputs(actionYmlText))) {
    if (y.default !== undefined && y.default !== null) out[name] = String(y.default);
  }
  return out;
}
