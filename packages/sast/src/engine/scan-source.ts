import { parse, type NapiConfig, type Rule, type SgNode } from '@ast-grep/napi';
import { applyInlineIgnores, silentLogger, type Finding, type Logger, type RawFinding } from '@rampart/core';
import type { PatternRule, SastLanguage, SastRule, TaintRule } from '../rule-types.js';
import type { FindTaint, TaintMatch } from '../taint/types.js';
import { defaultFindTaint } from './default-taint.js';
import { findingBase, flowOf, locationOf } from './finding.js';
import { languageOf, napiLang, registerLanguages } from './languages.js';
import { interpolate, nodeLookup } from './message.js';
import { asciiRegexes } from './ascii-regex.js';
import { candidatesOf, mayMatch } from './prefilter.js';

export interface ScanSourceOptions {
  /** The taint analysis for `mode: taint` rules; default: the one `src/taint/` exports, if any. */
  findTaint?: FindTaint;
  /** Overrides the language found from the path's extension. */
  language?: SastLanguage;
  /** Apply `rampart-ignore` comments (default true). */
  inlineIgnores?: boolean;
  logger?: Logger;
}

export function rulesFor(rules: readonly SastRule[], language: SastLanguage): SastRule[] {
  return rules.filter((r) => r.languages.includes(language));
}

const configs = new WeakMap<PatternRule, NapiConfig>();

/**
 * The NapiConfig ast-grep takes for a search rule: utils and constraints sit beside the rule. Built once
 * per rule, with ASCII regexes (see ascii-regex.ts), since it is handed to ast-grep for every file.
 */
export function napiConfigOf(rule: PatternRule): NapiConfig {
  let config = configs.get(rule);
  if (config === undefined) {
    config = asciiRegexes({
      rule: rule.rule as Rule,
      ...(rule.constraints !== undefined ? { constraints: rule.constraints as Record<string, Rule> } : {}),
      ...(rule.utils !== undefined ? { utils: rule.utils as Record<string, Rule> } : {}),
    });
    configs.set(rule, config);
  }
  return config;
}

function searchFindings(root: SgNode, rule: PatternRule, path: string): RawFinding[] {
  const base = findingBase(rule);
  return root.findAll(napiConfigOf(rule)).map((node) => ({
    ...base,
    message: interpolate(rule.message, nodeLookup(node)),
    location: locationOf(path, node.range(), node.text()),
  }));
}

/** In a taint rule's message, `$SOURCE` and `$SINK` name the two ends of the flow. */
function taintLookup(match: TaintMatch): (name: string) => string | undefined {
  return (name) => (name === 'SOURCE' ? match.source.text : name === 'SINK' ? match.sink.text : undefined);
}

function taintFindings(root: SgNode, rule: TaintRule, path: string, language: SastLanguage, findTaint: FindTaint): RawFinding[] {
  const base = findingBase(rule);
  return findTaint(root, rule, language).map((m) => ({
    ...base,
    message: interpolate(rule.message, taintLookup(m)),
    location: locationOf(
      path,
      { start: { line: m.sink.line, column: m.sink.column }, end: { line: m.sink.endLine, column: m.sink.endColumn } },
      m.sink.text,
    ),
    flow: flowOf(path, [m.source, ...m.steps, m.sink]),
  }));
}

/** One finding per rule and range: `any` branches and several sources into one sink report once. */
function dedupeMatches(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const l = f.location;
    const key = l.type === 'source' ? `${f.ruleId}\0${l.startLine}:${l.startColumn}:${l.endLine}:${l.endColumn}` : '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withInlineIgnores(findings: RawFinding[], source: string): RawFinding[] {
  if (findings.length === 0 || !source.includes('rampart-ignore')) return findings;
  // core's matcher takes whole findings; it never reads the fingerprint, which only core computes.
  const asFindings: Finding[] = findings.map((f) => ({ ...f, fingerprint: '' }));
  return applyInlineIgnores(asFindings, () => source).map(({ fingerprint: _unused, ...raw }) => raw);
}

export interface MatchContext {
  source: string;
  path: string;
  language: SastLanguage;
  /** Only the rules of `language`. */
  rules: readonly SastRule[];
  options: ScanSourceOptions;
}

/** Runs every rule on an already parsed file. A rule that ast-grep rejects fails the file, naming the rule. */
export function matchRoot(root: SgNode, ctx: MatchContext): RawFinding[] {
  const logger = ctx.options.logger ?? silentLogger;
  const findTaint = ctx.options.findTaint ?? defaultFindTaint();
  const out: RawFinding[] = [];
  for (const rule of ctx.rules) {
    if (!mayMatch(rule, ctx.source)) continue;
    try {
      if (rule.mode === 'search') out.push(...searchFindings(root, rule, ctx.path));
      else if (findTaint !== undefined) out.push(...taintFindings(root, rule, ctx.path, ctx.language, findTaint));
      else logger.debug(`taint analysis unavailable: rule ${rule.id} skipped on ${ctx.path}`);
    } catch (e) {
      throw new Error(`rule ${rule.id} failed on ${ctx.path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  const unique = dedupeMatches(out);
  return ctx.options.inlineIgnores === false ? unique : withInlineIgnores(unique, ctx.source);
}

/**
 * Scans one file's text with every rule of its language (by extension, or `opts.language`); a file
 * in no language we know yields nothing. The text is parsed once for all rules.
 */
export function scanSource(source: string, path: string, rules: readonly SastRule[], opts: ScanSourceOptions = {}): RawFinding[] {
  const language = opts.language ?? languageOf(path);
  if (language === undefined) return [];
  const applicable = candidatesOf(rulesFor(rules, language), source);
  if (applicable.length === 0) return [];
  registerLanguages();
  const root = parse(napiLang(language), source).root();
  return matchRoot(root, { source, path, language, rules: applicable, options: opts });
}
