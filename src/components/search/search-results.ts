/**
 * One search result as the learner sees it: its type (and difficulty, for questions), its title linking to the
 * page, the passage that matched with the query's words marked, and up to three sections of the page that match.
 */
import { h } from '../dom.ts';
import type { ResultData } from './pagefind.ts';
import { inlineNodes } from '../inline-nodes.ts';

/** How many of a page's matching sections are listed under it. */
const MAX_SECTIONS = 3;

/**
 * Pagefind's excerpt as nodes: its text, with the words it wraps in `<mark>` marked. Nothing else of the HTML
 * survives, so an excerpt can never bring markup of its own into the page.
 */
export function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === 'MARK'
      ? h('mark', '', {}, node.textContent ?? '')
      : document.createTextNode(node.textContent ?? ''),
  );
}

/** The `<li>` for one result. */
export function resultItem(data: ResultData): HTMLLIElement {
  const { meta } = data;
  const title = h(
    'p',
    'search-result-title',
    {},
    h('span', 'atlas-result-type', {}, meta.type ?? 'page'),
    ' ',
    h('a', 'search-result-link', { href: data.url }, ...(meta.title ? inlineNodes(meta.title) : [data.url])),
  );
  if (meta.difficulty) title.append(' ', h('span', 'atlas-result-meta', {}, meta.difficulty));
  const item = h('li', 'search-result', {}, title);
  if (data.excerpt) item.append(h('p', 'search-result-excerpt', {}, ...excerptNodes(data.excerpt)));
  const sections = (data.sub_results ?? []).filter((sub) => sub.url.includes('#')).slice(0, MAX_SECTIONS);
  if (sections.length > 0)
    item.append(
      h(
        'ul',
        'search-result-sections',
        {},
        ...sections.map((sub) =>
          h(
            'li',
            '',
            {},
            h('a', 'search-heading-link', { href: sub.url }, sub.title),
            h('p', 'search-heading-excerpt', {}, ...excerptNodes(sub.excerpt)),
          ),
        ),
      ),
    );
  return item;
}
