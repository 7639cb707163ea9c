import { Parser } from 'htmlparser2';
import { statesOf, type JsState } from './js-scan.js';

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href']);

/** Where a javascript: URL runs when the user follows or submits it (not img/script src, which browsers refuse). */
function runsJavascriptUrl(element: string, attr: string): boolean {
  if (attr === 'href' || attr === 'xlink:href') return element === 'a' || element === 'area';
  if (attr === 'src') return element === 'iframe' || element === 'frame';
  if (attr === 'action') return element === 'form';
  return attr === 'formaction' && (element === 'button' || element === 'input');
}

function isJsScript(attrs: Record<string, string>): boolean {
  const type = (attrs.type ?? '').toLowerCase().trim();
  return attrs.src === undefined && (type === '' || /javascript|ecmascript|^module$/.test(type));
}

export interface Reflection {
  /** The marker appears as text or markup (where an injected tag would be parsed). */
  text: boolean;
  /** Inside an attribute value. */
  attribute: boolean;
  /** At the start of a URL attribute (href, src, action), where a javascript: URL runs when followed. */
  urlStart: boolean;
  /** Lexical states of the marker inside inline scripts. */
  script: JsState[];
}

interface Visitor {
  element?(name: string, attrs: Record<string, string>): void;
  script?(text: string): void;
  text?(text: string): void;
}

/** Walks an HTML document the way a browser tokenizes it: script text apart, comments skipped, entities decoded. */
function walk(html: string, v: Visitor): void {
  let inScript = false;
  let scriptText = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        v.element?.(name, attrs);
        if (name === 'script' && isJsScript(attrs)) {
          inScript = true;
          scriptText = '';
        }
      },
      ontext(data) {
        if (inScript) scriptText += data;
        else v.text?.(data);
      },
      onclosetag(name) {
        if (name === 'script' && inScript) {
          inScript = false;
          v.script?.(scriptText);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
}

/** Where a harmless marker came back in a page: which breakouts are worth trying. */
export function findReflections(html: string, marker: string): Reflection {
  const r: Reflection = { text: false, attribute: false, urlStart: false, script: [] };
  walk(html, {
    text: (t) => {
      if (t.includes(marker)) r.text = true;
    },
    element: (_name, attrs) => {
      for (const [k, value] of Object.entries(attrs)) {
        if (!value.includes(marker)) continue;
        r.attribute = true;
        if (URL_ATTRS.has(k) && value.trim().startsWith(marker)) r.urlStart = true;
        if (k.startsWith('on')) r.script.push(...statesOf(value, marker));
      }
    },
    script: (s) => r.script.push(...statesOf(s, marker)),
  });
  return r;
}

/**
 * Whether `marker` ended up somewhere a browser runs it: an event handler attribute, a javascript: URL, or the code
 * (not a string or comment) of an inline script. Text that merely contains the marker, escaped markup, and markup
 * inside comments or raw-text elements do not count.
 */
export function markerExecutes(html: string, marker: string): string | undefined {
  let found: string | undefined;
  walk(html, {
    element: (name, attrs) => {
      for (const [k, value] of Object.entries(attrs)) {
        if (found || !value.includes(marker)) continue;
        if (k.startsWith('on') && statesOf(value, marker).includes('code')) found = `<${name} ${k}="${value}">`;
        else if (runsJavascriptUrl(name, k) && /^\s*javascript:/i.test(value)) found = `<${name} ${k}="${value}">`;
      }
    },
    script: (s) => {
      if (!found && statesOf(s, marker).includes('code')) found = `<script>${s.slice(0, 200)}</script>`;
    },
  });
  return found;
}
