import type { DockerInstruction } from '../../parse/dockerfile.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { DOCKER_BEST_PRACTICES } from './refs.js';

const APT_INSTALL = /\bapt(?:-get)?\s+(?:-\S+\s+)*install\b([^;&|]*)/g;

function runText(i: DockerInstruction): string {
  return i.json ? i.json.join(' ') : i.args;
}

interface AptInstall {
  ins: DockerInstruction;
  /** The whole `apt-get ... install ...` command, flags before `install` included. */
  command: string;
  /** What follows `install`. */
  args: string[];
}

function aptInstalls(file: { instructions: readonly DockerInstruction[] }): AptInstall[] {
  const out: AptInstall[] = [];
  for (const ins of file.instructions) {
    if (ins.keyword !== 'RUN') continue;
    for (const m of runText(ins).matchAll(APT_INSTALL)) out.push({ ins, command: m[0], args: (m[1] ?? '').trim().split(/\s+/).filter((a) => a !== '') });
  }
  return out;
}

export const aptHygiene = defineRule({
  id: 'dockerfile.apt-hygiene',
  title: 'apt-get install keeps recommends or package lists',
  severity: 'low',
  cwe: ['CWE-1104'],
  references: [`${DOCKER_BEST_PRACTICES}#apt-get`],
  related: { trivy: ['AVD-DS-0029'], other: ['hadolint DL3015', 'hadolint DL3009'] },
  fix: 'Use `apt-get install -y --no-install-recommends ...` and end the same RUN with `rm -rf /var/lib/apt/lists/*` (or a cache mount).',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    const byRun = new Map<DockerInstruction, AptInstall[]>();
    for (const a of aptInstalls(file)) byRun.set(a.ins, [...(byRun.get(a.ins) ?? []), a]);
    const out: RuleMatch[] = [];
    for (const [ins, installs] of byRun) {
      const text = runText(ins);
      const missing: string[] = [];
      const recommendsOff = /Install-Recommends=(?:false|0)/i.test(text);
      if (!recommendsOff && installs.some((a) => !/\s--no-install-recommends\b/.test(a.command))) missing.push('--no-install-recommends');
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
