/**
 * Offsets to lines and columns, and the lowercase copy keyword search runs on. Only ASCII is
 * lowered: full Unicode lowercasing can change a string's length, and offsets must stay the same.
 */
export class TextIndex {
  readonly lower: string;
  /** Offset of the first character of each line. */
  readonly starts: number[];

  constructor(readonly text: string) {
    this.lower = text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
    this.starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** End of the line's content, before `\n` (and a `\r` before it). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return next >= 2 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.lineStart(line) + 1 };
  }

  /**
   * Lines (0-based, ascending) that contain one of `keywords` (lowercase). Without keywords every
   * line is a candidate. Each keyword costs one native `indexOf` pass over the text.
   */
  linesWith(keywords: readonly string[] | undefined): number[] {
    if (!keywords || keywords.length === 0) return this.starts.map((_, i) => i);
    const hits = new Set<number>();
    for (const kw of keywords) {
      if (kw.length === 0) continue;
      let pos = this.lower.indexOf(kw);
      while (pos !== -1) {
        const line = this.lineOf(pos);
        hits.add(line);
        // One hit per line is enough: skip to the next line.
        const next = this.starts[line + 1];
        if (next === undefined) break;
        pos = this.lower.indexOf(kw, next);
      }
    }
    return [...hits].sort((a, b) => a - b);
  }
}
