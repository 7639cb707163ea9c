import type { Finding, Identifier } from '../../model/finding.js';
import { cweNumber } from '../sarif/rules.js';
import type { GitlabIdentifier } from './types.js';

const LINKABLE = /^(https?|ftp):\/\/.+/;

/** GitLab shows `name`; CWE values are the bare number, as GitLab's own analyzers write them. */
function gitlabIdentifier(id: Identifier): GitlabIdentifier {
  const type = id.type.toLowerCase();
  let name = id.value;
  let value = id.value;
  let url = id.url;
  if (type === 'cwe') {
    const n = cweNumber(id.value);
    if (n !== undefined) {
      value = n;
      name = `CWE-${n}`;
      url ??= `https://cwe.mitre.org/data/definitions/${n}.html`;
    }
  } else if (type === 'cve') {
    name = id.value.toUpperCase();
  } else if (type === 'ghsa' || id.value.toLowerCase().startsWith(type)) {
    name = id.value;
  } else {
    name = `${id.type} ${id.value}`;
  }
  const out: GitlabIdentifier = { type, name, value };
  if (url !== undefined && LINKABLE.test(url)) out.url = url;
  return out;
}

export function toolSlug(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return slug === '' ? 'rampart' : slug;
}

/**
 * The first identifier is GitLab's primary one, which it uses to match findings across pipelines:
 * the advisory when the rule is one (a CVE or GHSA), otherwise the scanner's rule id.
 */
export function identifiersOf(f: Finding): GitlabIdentifier[] {
  const out: GitlabIdentifier[] = [];
  const seen = new Set<string>();
  const push = (id: GitlabIdentifier): void => {
    const key = `${id.type}\0${id.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(id);
  };
  const ruleIsAdvisory = f.identifiers.find((i) => i.value.toLowerCase() === f.ruleId.toLowerCase());
  if (ruleIsAdvisory !== undefined) push(gitlabIdentifier(ruleIsAdvisory));
  else push({ type: `${toolSlug(f.tool.name)}_rule_id`, name: f.title.trim() !== '' ? clip(f.title, 255) : f.ruleId, value: f.ruleId });
  for (const id of f.identifiers) push(gitlabIdentifier(id));
  return out;
}

export function linksOf(f: Finding): { name?: string; url: string }[] {
  const links: { name?: string; url: string }[] = [];
  const seen = new Set<string>();
  for (const id of f.identifiers) {
    if (id.url === undefined || !LINKABLE.test(id.url) || seen.has(id.url)) continue;
    seen.add(id.url);
    const named = id.value.toLowerCase().startsWith(id.type.toLowerCase());
    links.push({ name: named ? id.value : `${id.type.toUpperCase()} ${id.value}`, url: id.url });
  }
  return links;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
