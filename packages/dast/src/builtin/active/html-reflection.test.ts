import { describe, expect, it } from 'vitest';
import { findReflections, markerExecutes } from './html-reflection.js';
import { jsComments, statesOf } from './js-scan.js';

const m = 'rmp0a1b2c3d4e';

describe('markerExecutes', () => {
  it.each([
    ['an injected event handler', `<p><img src=x onerror=${m}()></p>`],
    ['an attribute breakout', `<input value="" autofocus onfocus=${m}() x="">`],
    ['a javascript: URL', `<a href="javascript:${m}()">x</a>`],
    ['script code', `<script>var a = "";${m}();//";</script>`],
    ['a script element closed early', `<script>var a = "</script><img src=x onerror=${m}()>";</script>`],
  ])('finds %s', (_what, html) => {
    expect(markerExecutes(html, m)).toBeDefined();
  });

  it.each([
    ['escaped markup', `<p>&lt;img src=x onerror=${m}()&gt;</p>`],
    ['an escaped attribute value', `<input value="&#34; autofocus onfocus=${m}() x=&#34;">`],
    ['markup inside a comment', `<!-- <img src=x onerror=${m}()> -->`],
    ['markup inside a textarea', `<textarea><img src=x onerror=${m}()></textarea>`],
    ['markup inside a title', `<title><img src=x onerror=${m}()></title>`],
    ['a string in a script', `<script>var a = "\\";${m}();//";</script>`],
    ['a JSON-escaped script string', `<script>var a = "\\u003c/script>\\u003cimg src=x onerror=${m}()>";</script>`],
    ['a non-JavaScript script block', `<script type="application/json">{"a": 1};${m}()</script>`],
    ['plain text', `<p>${m}()</p>`],
    ['a javascript: URL where browsers refuse it', `<img src="javascript:${m}()">`],
  ])('ignores %s', (_what, html) => {
    expect(markerExecutes(html, m)).toBeUndefined();
  });
});

describe('findReflections', () => {
  it('tells text, attribute, URL and script string contexts apart', () => {
    expect(findReflections(`<p>${m}</p>`, m)).toMatchObject({ text: true, attribute: false });
    expect(findReflections(`<a href="${m}/x">`, m)).toMatchObject({ attribute: true, urlStart: true });
    expect(findReflections(`<script>var a = '${m}';</script>`, m).script).toEqual(["'"]);
  });
});

describe('statesOf', () => {
  it('follows strings, escapes, templates and comments', () => {
    expect(statesOf(`a = "x\\"${m}"; ${m}; // ${m}\n\`${m}\` /* ${m} */`, m)).toEqual(['"', 'code', 'comment', '`', 'comment']);
  });

  it('reads a quote inside a regex literal as part of the regex, and a slash after an operand as division', () => {
    expect(statesOf(`var re = /'/; var ref = "${m}";`, m)).toEqual(['"']);
    expect(statesOf(`var re = /[/']/g; var ref = '${m}';`, m)).toEqual(["'"]);
    expect(statesOf(`var half = total / 2; ${m}(); var s = '/'`, m)).toEqual(['code']);
  });
});

describe('jsComments', () => {
  it('finds line and block comments, not slashes in strings or regexes', () => {
    expect(jsComments(`var u = "http://x"; // one\nvar r = /\\/\\//; /* two */`).map((c) => c.trim())).toEqual(['one', 'two']);
  });
});
