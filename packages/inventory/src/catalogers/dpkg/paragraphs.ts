import { UserError } from '@rampart/core';

/** One stanza of a deb822 control file, field names lower-cased (deb822 field names are case-insensitive). */
export interface Paragraph {
  fields: Map<string, string>;
  /** 1-based line of the paragraph's first field, for messages. */
  line: number;
}

const FIELD = /^([!-9;-~][!-9;-~]*):[ \t]*(.*)$/;

/**
 * Splits deb822 text (dpkg's status database, DEP-5 copyright files) into paragraphs, as deb-control(5) describes:
 * paragraphs are separated by blank lines, a field starts with `Name:` at column 0 and continues on lines that begin
 * with a space or tab. A line that is neither means the file is not deb822 at all: a `UserError` naming the line.
 */
export function parseParagraphs(text: string, file: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  let lastField: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '') {
      current = undefined;
      lastField = undefined;
      continue;
    }
    if (line.startsWith('#') && current === undefined) continue;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (!current || lastField === undefined) {
        throw new UserError('continuation line outside a field', { file, line: i + 1, expected: 'deb822 fields' });
      }
      current.fields.set(lastField, `${current.fields.get(lastField) ?? ''}\n${line.slice(1)}`);
      continue;
    }
    const m = FIELD.exec(line);
    if (!m?.[1] || m[2] === undefined) {
      throw new UserError(`not a deb822 field: ${JSON.stringify(line.slice(0, 60))}`, {
        file,
        line: i + 1,
        expected: 'lines of the form "Field: value"',
      });
    }
    if (!current) {
      current = { fields: new Map(), line: i + 1 };
      out.push(current);
    }
    lastField = m[1].toLowerCase();
    current.fields.set(lastField, m[2].trim());
  }
  return out;
}
