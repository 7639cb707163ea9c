import { ruleSchema, toolComponentSchema, type SarifResult, type SarifRule, type SarifRun } from './schema.js';

/** The rules of one run, from the driver and from extensions (CodeQL puts its queries in query-pack extensions). */
export interface RuleTable {
  driver: (SarifRule | undefined)[];
  extensions: (SarifRule | undefined)[][];
  byId: Map<string, SarifRule>;
}

function parseRules(list: readonly unknown[] | null | undefined): (SarifRule | undefined)[] {
  // A malformed rule only costs its metadata; results that use it still get read.
  return (list ?? []).map((r) => {
    const parsed = ruleSchema.safeParse(r);
    return parsed.success ? parsed.data : undefined;
  });
}

export function ruleTable(run: SarifRun): RuleTable {
  const driver = parseRules(run.tool.driver.rules);
  const extensions = (run.tool.extensions ?? []).map((ext) => {
    const parsed = toolComponentSchema.safeParse(ext);
    return parsed.success ? parseRules(parsed.data.rules) : [];
  });
  const byId = new Map<string, SarifRule>();
  for (const rule of [...driver, ...extensions.flat()]) {
    if (rule?.id && !byId.has(rule.id)) byId.set(rule.id, rule);
  }
  return { driver, extensions, byId };
}

export function ruleFor(result: SarifResult, table: RuleTable): SarifRule | undefined {
  const index = result.rule?.index ?? result.ruleIndex;
  const component = result.rule?.toolComponent?.index;
  if (typeof index === 'number' && index >= 0) {
    const list = typeof component === 'number' ? table.extensions[component] : table.driver;
    const rule = list?.[index];
    if (rule) return rule;
  }
  const id = result.ruleId ?? result.rule?.id;
  if (!id) return undefined;
  // Hierarchical ids (`CA2000/1`) name a sub-rule of `CA2000`.
  return table.byId.get(id) ?? table.byId.get(id.split('/')[0] ?? id);
}

const tagCache = new WeakMap<object, string[]>();

/** Called for every result of a rule, so computed once per rule object. */
export function ruleTags(rule: SarifRule | undefined): string[] {
  if (!rule) return [];
  const cached = tagCache.get(rule);
  if (cached) return cached;
  const tags = rule.properties?.['tags'];
  const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  tagCache.set(rule, list);
  return list;
}

/** `properties.x` of a rule or result as a string, if it is one (numbers are accepted and stringified). */
export function stringProp(props: Record<string, unknown> | null | undefined, key: string): string | undefined {
  const v = props?.[key];
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
