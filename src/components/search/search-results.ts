/**
 * One search result as the learner sees it: its type (and difficulty, for questions), its title linking to the
 * page, the passage that matched with the query's words marked, and up to three sections of the page that match.
 */
import type { SearchWords } from './search-words.ts';
import { tidyExcerpt } from '../../lib/search/excerpt.ts';
import { h } from '../dom.ts';
import type { ResultData } from './pagefind.ts';
import { inlineNodes } from '../inline-nodes.ts';

/** How many of a page's matching sections are listed under it. */
const MAX_SECTIONS = 3;

/**
 * Pagefind's excerpt as nodes: its text, with the words it wraps in `<mark>` marked, tidied to start at a word and
 * mark words only (src/lib/search/excerpt.ts). Nothing else of the HTML survives, so an excerpt can never bring
 * markup of its own into the page.
 */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const parts = [...template.content.childNodes].map((node) => ({
    text: node.textContent ?? '',
    marked: node.nodeName === 'MARK',
  }));
  return tidyExcerpt(parts).map(({ text, marked }) =>
    marked ? h('mark', '', {}, text) : document.createTextNode(text),
  );
}

/** The `<li>` for one result. */
export function resultItem(data: ResultData, words: SearchWords): HTMLLIElement {
  const said = (value: string) => (words.values as Record<string, string>)[value] ?? value;
  // On a page in another language, an English page's title, excerpt and sections are marked as English.
  const lang = document.documentElement.lang;
  const other =
    !lang.startsWith('en') && !new URL(data.url, location.href).pathname.startsWith(`/${lang.toLowerCase()}/`);
  const marked = other ? { lang: 'en' } : {};
  const { meta } = data;
  // The type and difficulty come first, on one line: after a long title the difficulty took a line of its own.
  const title = h('p', 'search-result-title', {}, h('span', 'atlas-result-type', {}, said(meta.type ?? 'page')), ' ');
  if (meta.difficulty) title.append(h('span', 'atlas-result-meta', {}, said(meta.difficulty)), ' ');
  title.append(
    h('a', 'search-result-link', { href: data.url, ...marked }, ...(meta.title ? inlineNodes(meta.title) : [data.url])),
  );
  const item = h('li', 'search-result', {}, title);
  if (data.excerpt) item.append(h('p', 'search-result-excerpt', marked, ...excerptNodes(data.excerpt)));
  const sections = (data.sub_results ?? []).filter((sub) => sub.url.includes('#')).slice(0, MAX_SECTIONS);
  if (sections.length > 0)
    item.append(
      h(
        'ul',
        'search-result-sections',
        marked,
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
