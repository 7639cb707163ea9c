// Bundler's development-only groups by convention; `bundle install --without development test` leaves them out.
const DEV_GROUPS = new Set(['development', 'test']);

function symbols(text: string): string[] {
  return [...text.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** `group: :test`, `groups: [:development, :test]`, `:group => :test` on a gem line. */
function optionGroups(rest: string): string[] | undefined {
  const m = /(?:\bgroups?:|:groups?\s*=>)\s*(\[[^\]]*\]|:\w+|["']\w+["'])/.exec(rest);
  return m?.[1] ? symbols(m[1]) : undefined;
}

/**
 * The gems a Gemfile declares only in development or test groups. The Gemfile is Ruby, so this reads only the plain
 * forms Bundler documents (https://bundler.io/guides/groups.html): `group ... do ... end` blocks and `group:` options.
 * A gem declared in any other way, or also outside those groups, counts as runtime.
 */
export function devOnlyGems(text: string): Set<string> {
  const stack: (string[] | undefined)[] = [];
  const groupsOf = new Map<string, string[][]>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const group = /^group\s*\(?\s*(.+?)\)?\s+do(\s*\|[^|]*\|)?$/.exec(line);
    if (group?.[1]) {
      stack.push(symbols(group[1].replace(/,?\s*\w+:\s*\S+/g, '')));
      continue;
    }
    if (/^(if|unless|case|while|until|begin)\b/.test(line) || /\bdo(\s*\|[^|]*\|)?$/.test(line)) {
      stack.push(undefined);
      continue;
    }
    if (/^end\b/.test(line)) {
      stack.pop();
      continue;
    }
    const gem = /^gem\s*\(?\s*["']([^"']+)["'](.*)$/.exec(line);
    if (!gem?.[1]) continue;
    const inherited = [...stack].reverse().find((g) => g !== undefined);
    const groups = optionGroups(gem[2] ?? '') ?? inherited ?? ['default'];
    groupsOf.set(gem[1], [...(groupsOf.get(gem[1]) ?? []), groups]);
  }
  const out = new Set<string>();
  for (const [name, all] of groupsOf) {
    if (all.every((groups) => groups.length > 0 && groups.every((g) => DEV_GROUPS.has(g)))) out.add(name);
  }
  return out;
}
