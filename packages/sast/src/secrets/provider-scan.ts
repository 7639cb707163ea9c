import { shannonEntropy } from './entropy.js';
import { nameBefore } from './names.js';
import { isPlaceholder } from './placeholders.js';
import type { TextIndex } from './text-index.js';
import type { SecretMatch, SecretRule } from './types.js';

/** Provider rules outrank the generic detector; within them, `priority` decides. */
export const PROVIDER_RANK = 100;
const DEFAULT_MIN_ENTROPY = 3;
const DEFAULT_MAX_SPAN = 16 * 1024;

const globalCopies = new WeakMap<SecretRule, RegExp>();

/** A `g`+`d` copy of the rule's regex: global to find every match, `d` for the secret's offsets. */
function globalRegex(rule: SecretRule): RegExp {
  let re = globalCopies.get(rule);
  if (!re) {
    const flags = new Set([...rule.regex.flags.replace(/[gy]/g, ''), 'g', 'd']);
    re = new RegExp(rule.regex.source, [...flags].join(''));
    globalCopies.set(rule, re);
  }
  re.lastIndex = 0;
  return re;
}

/** The secret's text and offset in the segment, without surrounding whitespace (a PEM body's last newline). */
function secretSpan(m: RegExpExecArray): { secret: string; start: number } | undefined {
  const named = m.groups?.['secret'];
  const at = named !== undefined ? m.indices?.groups?.['secret'] : m.indices?.[1];
  const raw = named ?? m[1];
  if (raw === undefined || !at) return undefined;
  const lead = raw.length - raw.trimStart().length;
  return { secret: raw.trim(), start: at[0] + lead };
}

function accepts(rule: SecretRule, secret: string, m: RegExpExecArray): boolean {
  if (secret.length === 0) return false;
  if (rule.validate && !rule.validate(secret, m)) return false;
  if (rule.checkPlaceholder !== false && isPlaceholder(secret)) return false;
  return shannonEntropy(secret) >= (rule.minEntropy ?? DEFAULT_MIN_ENTROPY);
}

/**
 * The name the secret is assigned to: before the whole match, or, for rules whose match begins
 * with the name (`aws_secret_access_key = ...`), just before the secret. Never inside a URL.
 */
function assignedName(text: string, matchStart: number, secretStart: number): string | undefined {
  const outer = nameBefore(text, matchStart);
  if (outer !== undefined || matchStart === secretStart) return outer;
  return text.slice(matchStart, secretStart).includes('://') ? undefined : nameBefore(text, secretStart);
}

/** Matches of one rule that start on one line; multiline rules may run on past it. */
function matchLine(rule: SecretRule, index: TextIndex, line: number, out: SecretMatch[]): void {
  const start = index.lineStart(line);
  const end = index.lineEnd(line);
  const windowEnd = rule.multiline ? Math.min(index.text.length, end + (rule.maxSpan ?? DEFAULT_MAX_SPAN)) : end;
  const segment = index.text.slice(start, windowEnd);
  const re = globalRegex(rule);
  for (let m = re.exec(segment); m !== null; m = re.exec(segment)) {
    if (m[0].length === 0) re.lastIndex++;
    if (m.index > end - start) break;
    const span = secretSpan(m);
    if (!span || !accepts(rule, span.secret, m)) continue;
    const at = start + span.start;
    // A block (PEM) is reported from its BEGIN line, where a reader looks for it.
    const from = rule.multiline ? start + m.index : at;
    out.push({
      ruleId: rule.id,
      title: rule.title,
      provider: rule.provider,
      severity: rule.severity,
      confidence: rule.confidence ?? 'high',
      cwe: rule.cwe,
      start: from,
      end: at + span.secret.length,
      secret: span.secret,
      name: assignedName(index.text, start + m.index, at),
      rank: PROVIDER_RANK + (rule.priority ?? 0),
      revokeUrl: rule.revokeUrl,
    });
  }
}

/** Every match of every rule, before overlaps between rules are resolved. */
export function findProviderSecrets(index: TextIndex, rules: readonly SecretRule[]): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const rule of rules) {
    const lines = index.linesWith(rule.keywords);
    if (lines.length === 0) continue;
    if (rule.requires) {
      rule.requires.lastIndex = 0;
      if (!rule.requires.test(index.text)) continue;
    }
    for (const line of lines) matchLine(rule, index, line, out);
  }
  return out;
}
