import type { DockerInstruction } from '../../parse/dockerfile.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { DOCKER_BEST_PRACTICES } from './refs.js';

const APT_INSTALL = /\bapt(?:-get)?\s+(?:-\S+\s+)*install\b([^;&|]*)/g;

function runText(i: DockerInstruction): string {
  return i.json ? i.json.join(' ') : i.args;
}

function aptInstalls(file: { instructions: readonly DockerInstruction[] }): { ins: DockerInstruction; args: string[] }[] {
  const out: { ins: DockerInstruction; args: string[] }[] = [];
  for (const ins of file.instructions) {
    if (ins.keyword !== 'RUN') continue;
    for (const m of runText(ins).matchAll(APT_INSTALL)) out.push({ ins, args: (m[1] ?? '').trim().split(/\s+/).filter((a) => a !== '') });
  }
  return out;
}

export const aptHygiene = defineRule({
  id: 'dockerfile.apt-hygiene',
  title: 'apt-get install keeps recommends or package lists',
  severity: 'low',
  cwe: ['CWE-1104'],
  references: [`${DOCKER_BEST_PRACTICES}#apt-get`],
  related: { trivy: ['AVD-DS-0029'], checkov: ['CKV_DOCKER_9 (apt)'], other: ['hadolint DL3015', 'hadolint DL3009'] },
  fix: 'Use `apt-get install -y --no-install-recommends ...` and end the same RUN with `rm -rf /var/lib/apt/lists/*` (or a cache mount).',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    const seen = new Set<DockerInstruction>();
    for (const { ins, args } of aptInstalls(file)) {
      if (seen.has(ins)) continue;
      seen.add(ins);
      const text = runText(ins);
      const missing: string[] = [];
      const noRecommends = args.includes('--no-install-recommends') || /Install-Recommends=(?:false|0)/i.test(text);
      if (!noRecommends) missing.push('--no-install-recommends');
      // A cache mount keeps the lists out of the layer, which is what the cleanup is for.
      const cleaned = /rm\s+-\S*\s+\/var\/lib\/apt\/lists/.test(text) || /--mount=type=cache[^ ]*target=\/var\/lib\/apt/.test(text);
      if (!cleaned) missing.push('rm -rf /var/lib/apt/lists/*');
      if (missing.length > 0) out.push({ line: ins.line, message: `apt-get install without ${missing.join(' and ')}.` });
    }
    return out;
  },
});

export const aptUnpinned = defineRule({
  id: 'dockerfile.apt-unpinned',
  title: 'apt-get install without version pins',
  severity: 'low',
  cwe: ['CWE-1357'],
  references: [`${DOCKER_BEST_PRACTICES}#apt-get`],
  related: { other: ['hadolint DL3008'] },
  fix: 'Pin the packages that matter (`pkg=1.2.*`) so a rebuild does not silently change them.',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const { ins, args } of aptInstalls(file)) {
      const packages = args.filter((a) => !a.startsWith('-') && !a.startsWith('$') && !a.includes('/') && a !== '\\');
      const unpinned = packages.filter((p) => !p.includes('='));
      if (unpinned.length > 0) out.push({ line: ins.line, message: `apt-get install of ${unpinned.slice(0, 5).join(', ')} without a version.` });
    }
    return out;
  },
});
