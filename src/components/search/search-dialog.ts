/**
 * The search dialog: a modal <dialog> holding a search view (src/components/search/search-view.ts) with the type and
 * difficulty filters, keyboard hints and a link to the /search/ page. Built on first use, it keeps its query when
 * closed and reopened; Escape, the close button or a click outside closes it, and focus returns to what opened it.
 */
import { SearchView } from './search-view.ts';

let dialog: HTMLDialogElement | undefined;
let view: SearchView | undefined;
let opener: HTMLElement | undefined;

function build(): HTMLDialogElement {
  view = new SearchView({ filters: 'menus' });
  const close = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-quiet' });
  close.textContent = 'Close';
  close.setAttribute('aria-label', 'Close search');
  const head = document.createElement('div');
  head.className = 'search-dialog-head';
  head.append(view.box, close);
  const foot = document.createElement('div');
  foot.className = 'search-dialog-foot';
  const hints = document.createElement('p');
  hints.className = 'search-hints';
  hints.textContent = '↑ ↓ move through results · Enter opens · Esc closes';
  const page = Object.assign(document.createElement('a'), { href: '/search/', textContent: 'Open the search page' });
  foot.append(hints, page);
  const node = document.createElement('dialog');
  node.className = 'search-dialog';
  node.setAttribute('aria-label', 'Search');
  node.append(head, view.body, foot);
  close.addEventListener('click', () => node.close());
  // A click on the backdrop lands on the dialog itself; one inside lands on its content.
  node.addEventListener('click', (event) => {
    if (event.target === node) node.close();
  });
  node.addEventListener('close', () => opener?.focus());
  document.body.append(node);
  return node;
}

export function openSearchDialog(from: HTMLElement) {
  opener = from;
  dialog ??= build();
  dialog.showModal();
  view!.input.focus();
  void view!.load();
}
