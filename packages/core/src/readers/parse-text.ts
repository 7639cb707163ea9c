import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserError } from '../errors.js';

const EXPECTED = 'a JSON or XML report';

/**
 * The line of a JSON syntax error: newer V8 says "(line 2 column 3)", Node 20 "at position 12" for
 * most errors and nothing for some.
 */
function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const pos = /position (\d+)/.exec(message)?.[1];
  if (pos === undefined) return undefined;
  return text.slice(0, Number(pos)).split('\n').length;
}

function parseXml(text: string, file: string): unknown {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new UserError(`is not well-formed XML: ${valid.err.msg}`, { file, line: valid.err.line, expected: EXPECTED });
  }
  // Attributes get the `@` prefix ZAP's JSON report also uses; values stay strings, as in the JSON.
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    trimValues: true,
  });
  try {
    return parser.parse(text) as unknown;
  } catch (err) {
    // The validator passes some fragments (`<A/`) that the parser then rejects.
    const message = err instanceof Error ? err.message : String(err);
    throw new UserError(`is not well-formed XML: ${message}`, { file, expected: EXPECTED });
  }
}

/**
 * The text of a report as a document: XML when it starts with `<`, JSON otherwise. Anything else is
 * the user's to fix (a wrong file, a truncated upload), so it is a `UserError` naming the file.
 */
export function parseReportText(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start === '') throw new UserError('the report is empty', { file, expected: EXPECTED });
  if (start.startsWith('<')) return parseXml(start, file);
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = jsonErrorLine(body, message);
    throw new UserError(`is neither JSON nor XML: ${message}`, { file, ...(line ? { line } : {}), expected: EXPECTED });
  }
}
