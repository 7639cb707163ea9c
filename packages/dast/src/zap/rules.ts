import { UserError } from '@rampart/core';
import type { RuleAction } from '../types.js';

const ACTIONS: readonly RuleAction[] = ['IGNORE', 'WARN', 'FAIL'];

/**
 * ZAP's rules file as the zaproxy actions read it: `<plugin id>\t<IGNORE|WARN|FAIL>\t<comment>`, one per line, `#`
 * comments. Unlike the actions, a file with only FAIL (or only WARN) lines is honoured, and a bad line is an
 * error naming its line rather than a silently dropped file.
 */
export function parseRulesTsv(text: string, file: string): Map<string, RuleAction> {
  const rules = new Map<string, RuleAction>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [id, action] = raw.split('\t').map((s) => s.trim());
    if (!id || !/^\d+(-\d+)?$/.test(id)) {
      throw new UserError(`"${line.slice(0, 60)}" does not start with a ZAP plugin id`, { file, line: i + 1, expected: '<plugin id><TAB><IGNORE|WARN|FAIL><TAB><comment>' });
    }
    const upper = (action ?? '').toUpperCase();
    if (!(ACTIONS as readonly string[]).includes(upper)) {
      throw new UserError(`unknown action "${action ?? ''}" for plugin ${id}`, { file, line: i + 1, expected: 'IGNORE, WARN or FAIL, separated by a tab' });
    }
    rules.set(id, upper as RuleAction);
  });
  return rules;
}

/** The gate overrides the rules imply; IGNORE alerts are dropped before they become findings. */
export function gateActions(rules: ReadonlyMap<string, RuleAction>): Map<string, 'fail' | 'warn'> {
  const out = new Map<string, 'fail' | 'warn'>();
  for (const [id, a] of rules) if (a !== 'IGNORE') out.set(id, a === 'FAIL' ? 'fail' : 'warn');
  return out;
}
