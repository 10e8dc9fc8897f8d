/**
 * The search dialog: a modal <dialog> holding a search view (src/components/search/search-view.ts) with the type and
 * difficulty filters, keyboard hints and a link to the /search/ page. Built on first use, it keeps its query when
 * closed and reopened; Escape, the close button or a click outside closes it, and focus returns to what opened it.
 */
import searchStyles from '../../styles/search.css?inline';
import { h } from '../dom.ts';
import { SearchView } from './search-view.ts';
import type { SearchWords } from './search-words.ts';

let dialog: HTMLDialogElement | undefined;
let view: SearchView | undefined;
let opener: HTMLElement | undefined;

function build(words: SearchWords): HTMLDialogElement {
  // The dialog, once built, lives as long as the page: nothing ends its listeners.
  view = new SearchView({ filters: 'menus', words, signal: new AbortController().signal });
  const close = h('button', 'btn btn-quiet', { type: 'button', 'aria-label': words.closeLabel }, words.close);
  const node = h(
    'dialog',
    'search-dialog',
    { 'aria-label': words.dialog },
    h('div', 'search-dialog-head', {}, view.box, close),
    view.body,
    h(
      'div',
      'search-dialog-foot',
      {},
      h('p', 'search-hints', {}, words.hints),
      h('a', '', { href: '/search/' }, words.openPage),
    ),
  );
  close.addEventListener('click', () => node.close());
  // A click on the backdrop lands on the dialog itself; one inside lands on its content.
  node.addEventListener('click', (event) => {
    if (event.target === node) node.close();
  });
  node.addEventListener('close', () => opener?.focus());
  document.body.append(node);
  return node;
}

/**
 * The dialog's styles travel in its code, loaded on first use, rather than in every page's stylesheet (the roadmap's
 * first-view budget). A constructed stylesheet needs no CSP hash, and it applies before the dialog first opens.
 */
let styled = false;
function adoptStyles() {
  if (styled) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(searchStyles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  styled = true;
}

/** Opens the dialog, built on first use with the words of the element that opens it (`<atlas-site-search>`). */
export function openSearchDialog(from: HTMLElement, words: SearchWords) {
  opener = from;
  adoptStyles();
  dialog ??= build(words);
  dialog.showModal();
  view!.input.focus();
  void view!.load();
}
