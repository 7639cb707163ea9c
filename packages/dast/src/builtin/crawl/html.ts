import { Parser } from 'htmlparser2';

export interface FormField {
  name: string;
  value: string;
  type: string;
}

export interface HtmlForm {
  action: string;
  method: 'GET' | 'POST';
  fields: FormField[];
}

export interface PageLinks {
  links: string[];
  forms: HtmlForm[];
}

const LINK_ATTRS: Record<string, string> = { a: 'href', area: 'href', iframe: 'src', frame: 'src', link: 'href' };

/** Links and forms of an HTML page, as written (resolution against the page URL is the caller's). */
export function extractLinks(html: string): PageLinks {
  const links: string[] = [];
  const forms: HtmlForm[] = [];
  let form: HtmlForm | undefined;
  let select: FormField | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const attr = LINK_ATTRS[name];
        const target = attr ? attrs[attr] : undefined;
        if (target) links.push(target);
        if (name === 'form') {
          form = { action: attrs.action ?? '', method: (attrs.method ?? 'get').toLowerCase() === 'post' ? 'POST' : 'GET', fields: [] };
          forms.push(form);
        } else if (form && (name === 'input' || name === 'textarea' || name === 'button') && attrs.name) {
          const type = (attrs.type ?? (name === 'textarea' ? 'textarea' : name === 'button' ? 'submit' : 'text')).toLowerCase();
          if (type === 'submit') {
            // A browser sends the name of the button that was clicked; servers often check it. The first one stands in.
            if (!form.fields.some((f) => f.type === 'submit')) form.fields.push({ name: attrs.name, value: attrs.value ?? '', type });
          } else if (type !== 'image' && type !== 'reset' && type !== 'button') {
            form.fields.push({ name: attrs.name, value: attrs.value ?? '', type });
          }
        } else if (form && name === 'select' && attrs.name) {
          select = { name: attrs.name, value: '', type: 'select' };
          form.fields.push(select);
        } else if (select && name === 'option' && select.value === '' && attrs.value !== undefined) {
          select.value = attrs.value;
        }
      },
      onclosetag(name) {
        if (name === 'form') form = undefined;
        if (name === 'select') select = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { links, forms };
}

/** `Sitemap:`, `Allow:` and `Disallow:` paths of a robots.txt: places a crawler would not find by links. */
export function robotsPaths(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(allow|disallow|sitemap)\s*:\s*(\S+)/i.exec(line);
    if (m?.[2] && !m[2].includes('*')) out.push(m[2]);
  }
  return out;
}

/** `<loc>` entries of a sitemap. */
export function sitemapUrls(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)].map((m) => m[1] ?? '').filter(Boolean);
}
