import type { NapiConfig, SgNode } from '@ast-grep/napi';
import type { AstGrepRule, TaintRule } from '../rule-types.js';

/** A sink found in the file, with the nodes whose taint counts (the focus metavariable, or the arguments). */
export interface SinkSite {
  node: SgNode;
  /** Undefined: any tainted expression among the sink's arguments counts. */
  focus?: SgNode[];
}

/** The rule's sources, sinks and sanitizers, located in one file and keyed by node id. */
export interface RuleSites {
  sources: Set<number>;
  sinks: Map<number, SinkSite[]>;
  sanitizers: Set<number>;
}

/** `focus` is ours, not ast-grep's: it names the sink's metavariable whose taint counts. */
function toConfig(entry: AstGrepRule, utils: TaintRule['utils']): { config: NapiConfig; focus?: string } {
  const { focus, ...rule } = entry;
  const config: NapiConfig = { rule: rule as NapiConfig['rule'] };
  if (utils) config.utils = utils as NapiConfig['utils'];
  return typeof focus === 'string' ? { config, focus } : { config };
}

function focusNodes(match: SgNode, focus: string): SgNode[] {
  if (focus.startsWith('$$$')) return match.getMultipleMatches(focus.slice(3)).filter((n) => n.isNamed());
  const node = match.getMatch(focus.replace(/^\$/, ''));
  return node ? [node] : [];
}

export function locateSites(root: SgNode, rule: TaintRule): RuleSites {
  const sources = new Set<number>();
  for (const entry of rule.sources) {
    for (const node of root.findAll(toConfig(entry, rule.utils).config)) sources.add(node.id());
  }
  const sanitizers = new Set<number>();
  for (const entry of rule.sanitizers ?? []) {
    for (const node of root.findAll(toConfig(entry, rule.utils).config)) sanitizers.add(node.id());
  }
  const sinks = new Map<number, SinkSite[]>();
  for (const entry of rule.sinks) {
    const { config, focus } = toConfig(entry, rule.utils);
    for (const node of root.findAll(config)) {
      const site: SinkSite = focus ? { node, focus: focusNodes(node, focus) } : { node };
      const list = sinks.get(node.id());
      if (list) list.push(site);
      else sinks.set(node.id(), [site]);
    }
  }
  return { sources, sinks, sanitizers };
}
