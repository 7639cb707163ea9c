import DOMPurify from 'dompurify';

type Props = { html: string; title: string };

export function Article({ html, title }: Props) {
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <section title={title} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function SafeArticle({ html }: Props) {
  // ok: js.xss.react-dangerously-set-inner-html
  return <section dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
}

export function mount(el: HTMLElement, props: Props): void {
  // ruleid: js.xss.inner-html-dynamic
  el.innerHTML = `<h1>${props.title}</h1>`;
  // ok: js.xss.inner-html-dynamic
  el.textContent = props.title;
}
