import type { Finding, Suppression } from '../../model/finding.js';
import type { Notification } from '../../model/run.js';
import type { ListSection } from './budget.js';
import { escapeMarkdown, truncateEscaped } from './escape.js';
import type { IgnoreNoteKind } from './ignore-notes.js';
import { formatCount, plural, SEVERITY_LABEL } from './labels.js';
import { locationCell, plainLocation, type LinkOptions } from './links.js';

const NOTE_ICON: Record<Notification['level'], string> = { error: '❌', warning: '⚠️', note: 'ℹ️' };
const COLLAPSED_MAX_ITEMS = 200;

const text = (s: string, max: number): string => truncateEscaped(escapeMarkdown(s), max);
const titleOf = (f: Finding): string => text(f.title !== '' ? f.title : f.ruleId, 200);
const ruleOf = (f: Finding): string => `${text(f.ruleId, 120)} (${text(f.tool.name, 60)})`;

function findingRow(f: Finding, isNew: boolean, links: LinkOptions | undefined): string {
  const sev = `${SEVERITY_LABEL[f.severity]}${isNew ? ' · **new**' : ''}`;
  const message = f.message !== '' && f.message !== f.title ? `<br>${text(f.message, 300)}` : '';
  return `| ${sev} | **${titleOf(f)}**${message} | ${locationCell(f.location, links)} | ${ruleOf(f)} |`;
}

/** Open findings, new ones first; `isNew` is undefined without a baseline. */
export function findingsSection(ordered: readonly Finding[], isNew: ((f: Finding) => boolean) | undefined, links: LinkOptions | undefined): ListSection<Finding> {
  return {
    head: ['', isNew !== undefined ? '### Findings (new first)' : '### Findings', '', '| Severity | Finding | Location | Rule |', '|---|---|---|---|'],
    items: ordered,
    render: (f) => findingRow(f, isNew?.(f) ?? false, links),
    cut: (rest) => {
      if (isNew === undefined) return `\n_… and ${plural(rest.length, 'more finding')} not shown; see findings.json._`;
      const fresh = rest.filter(isNew).length;
      const known = rest.length - fresh;
      const parts = [...(fresh > 0 ? [plural(fresh, 'more new finding')] : []), ...(known > 0 ? [plural(known, 'more existing finding')] : [])];
      return `\n_… and ${parts.join(' and ')} not shown; see findings.json._`;
    },
  };
}

function collapsed(summary: string): string[] {
  // The blank line after <summary> lets GitHub and GitLab render the list inside as markdown.
  return ['', '<details>', `<summary>${summary}</summary>`, ''];
}

/** Fixed since the baseline: the file may be gone at the head commit, so these are never linked. */
export function fixedSection(fixed: readonly Finding[]): ListSection<Finding> {
  return {
    head: collapsed(`✅ ${plural(fixed.length, 'finding')} fixed since the baseline`),
    items: fixed,
    render: (f) => `- ${SEVERITY_LABEL[f.severity]} **${titleOf(f)}** · ${plainLocation(f.location)} · ${ruleOf(f)}`,
    cut: (rest) => `- … and ${plural(rest.length, 'more fixed finding')} not shown.`,
    tail: ['', '</details>'],
    maxItems: COLLAPSED_MAX_ITEMS,
  };
}

const SUPPRESSION_KIND: Record<Suppression['kind'], string> = {
  inline: 'inline `rampart-ignore`',
  'ignore-file': '`.rampart.yml` ignore',
  baseline: 'baseline',
};

function suppressionText(s: Suppression): string {
  const reason = s.reason !== '' ? `: ${text(s.reason, 200)}` : '';
  const expires = s.expires !== undefined && s.expires !== '' ? ` (expires ${text(s.expires, 40)})` : '';
  return `${SUPPRESSION_KIND[s.kind]}${reason}${expires}`;
}

export function suppressedSection(suppressed: readonly Finding[]): ListSection<Finding> {
  return {
    head: collapsed(`🔕 ${plural(suppressed.length, 'suppressed finding')}`),
    items: suppressed,
    render: (f) => `- ${SEVERITY_LABEL[f.severity]} **${titleOf(f)}** · ${plainLocation(f.location)} · ${f.suppression ? suppressionText(f.suppression) : ''}`,
    cut: (rest) => `- … and ${plural(rest.length, 'more suppressed finding')} not shown; see findings.json.`,
    tail: ['', '</details>'],
    maxItems: COLLAPSED_MAX_ITEMS,
  };
}

const IGNORE_LABEL: Record<IgnoreNoteKind, string> = { expired: '⏰ **Expired**', unused: '🧹 **Unused**' };

export function ignoresSection(ignores: readonly { kind: IgnoreNoteKind; note: Notification }[]): ListSection<{ kind: IgnoreNoteKind; note: Notification }> {
  const expired = ignores.filter((i) => i.kind === 'expired').length;
  const unused = ignores.length - expired;
  return {
    head: ['', '### Ignores to review', '', `${formatCount(expired)} expired (they no longer hide findings), ${formatCount(unused)} matching nothing.`, ''],
    items: ignores,
    render: (i) => `- ${IGNORE_LABEL[i.kind]}: ${text(i.note.message, 500)}`,
    cut: (rest) => `- … and ${plural(rest.length, 'more ignore entry', 'more ignore entries')} to review not shown.`,
    maxItems: COLLAPSED_MAX_ITEMS,
  };
}

export function notesSection(notes: readonly Notification[]): ListSection<Notification> {
  return {
    head: ['', '### Notes', ''],
    items: notes,
    render: (n) => `- ${NOTE_ICON[n.level]} ${text(n.message, 1000)}`,
    cut: (rest) => `- … ${plural(rest.length, 'more note')} not shown.`,
  };
}
