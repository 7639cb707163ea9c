import { type Item, normalize, qualifier } from './maven-items.js';

/**
 * Splits a Maven version into ComparableVersion's nested item lists (see maven.ts). Each list holds the items up
 * to the next hyphen or letter/digit transition, and then, as its last item, the list that follows.
 */
interface Frame {
  items: Item[];
}

function numberItem(digits: string): Item {
  return { kind: 'int', digits: digits.replace(/^0+(?=.)/, '') };
}

/** A buffered token: digits, a qualifier, or a qualifier followed by digits (`rc1`, `rc-1`). */
function tokenItem(buf: string, combination: boolean, digit: boolean): Item {
  if (combination) {
    const flat = buf.replace(/-/g, '');
    const at = flat.search(/\d/);
    return { kind: 'combo', value: qualifier(flat.slice(0, at), true), digits: flat.slice(at).replace(/^0+(?=.)/, '') };
  }
  return digit ? numberItem(buf) : { kind: 'str', value: qualifier(buf, false) };
}

export function parseMaven(version: string): Item {
  const v = version.toLowerCase();
  const stack: Frame[] = [{ items: [] }];
  let list = stack[0] as Frame;
  const open = (): void => {
    const next: Frame = { items: [] };
    list.items.push({ kind: 'list', items: next.items });
    stack.push(next);
    list = next;
  };
  let digit = false;
  let combination = false;
  let start = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v[i] as string;
    const isDigit = c >= '0' && c <= '9';
    if (c === '.' || c === '-') {
      // `rc-1` is read as `rc1`: the hyphen between a qualifier and a number does not separate them.
      if (c === '-' && i !== start && !digit && /\d/.test(v[i + 1] ?? '')) {
        combination = true;
        continue;
      }
      const item = i === start ? numberItem('0') : tokenItem(v.slice(start, i), combination, digit);
      // Deviation (a), see maven.ts: every plain qualifier starts a sub-list, not only a trailing one.
      if (item.kind === 'str' && list.items.length > 0) open();
      list.items.push(item);
      start = i + 1;
      combination = false;
      if (c === '-' && list.items.length > 0) open();
    } else if (isDigit) {
      if (!digit && i > start) {
        combination = true;
        if (list.items.length > 0) open();
      }
      digit = true;
    } else {
      if (digit && i > start) {
        list.items.push(tokenItem(v.slice(start, i), combination, true));
        start = i;
        open();
        combination = false;
      }
      digit = false;
    }
  }
  if (v.length > start) {
    // A trailing `.X` qualifier is read as `-X`, so `1.0.0.RC1` equals `1.0.0-RC1`.
    if (!digit && list.items.length > 0) open();
    list.items.push(tokenItem(v.slice(start), combination, digit));
  }
  return finish(stack);
}

/** Normalises the lists innermost first and rebuilds the chain with the trimmed lists. */
function finish(stack: Frame[]): Item {
  let inner: Item[] | undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i] as Frame;
    const items = inner === undefined ? frame.items : frame.items.map((it, j) => (j === frame.items.length - 1 && it.kind === 'list' ? { kind: 'list' as const, items: inner as Item[] } : it));
    const normal = normalize(items);
    // Deviation (b), see maven.ts: a list left with a list at its head is that list.
    inner = normal.length === 1 && normal[0]?.kind === 'list' ? normal[0].items : normal;
  }
  return { kind: 'list', items: inner ?? [] };
}
