/**
 * One search result as the learner sees it: its type (and difficulty, for questions), its title linking to the
 * page, the passage that matched with the query's words marked, and up to three sections of the page that match.
 */
import type { ResultData } from './pagefind.ts';

/** How many of a page's matching sections are listed under it. */
const MAX_SECTIONS = 3;

function element(tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/**
 * Pagefind's excerpt as nodes: its text, with the words it wraps in `<mark>` marked. Nothing else of the HTML
 * survives, so an excerpt can never bring markup of its own into the page.
 */
export function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === 'MARK'
      ? element('mark', '', node.textContent ?? '')
      : document.createTextNode(node.textContent ?? ''),
  );
}

/** The `<li>` for one result. */
export function resultItem(data: ResultData): HTMLLIElement {
  const { meta } = data;
  const link = Object.assign(element('a', 'search-result-link', meta.title ?? data.url), { href: data.url });
  const title = element(
    'p',
    'search-result-title',
    element('span', 'atlas-result-type', meta.type ?? 'page'),
    ' ',
    link,
  );
  if (meta.difficulty) title.append(' ', element('span', 'atlas-result-meta', meta.difficulty));
  const item = element('li', 'search-result', title) as HTMLLIElement;
  if (data.excerpt) item.append(element('p', 'search-result-excerpt', ...excerptNodes(data.excerpt)));
  const sections = (data.sub_results ?? []).filter((sub) => sub.url.includes('#')).slice(0, MAX_SECTIONS);
  if (sections.length > 0)
    item.append(
      element(
        'ul',
        'search-result-sections',
        ...sections.map((sub) =>
          element(
            'li',
            '',
            Object.assign(element('a', 'search-heading-link', sub.title), { href: sub.url }),
            element('p', 'search-heading-excerpt', ...excerptNodes(sub.excerpt)),
          ),
        ),
      ),
    );
  return item;
}
