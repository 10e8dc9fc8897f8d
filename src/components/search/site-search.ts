/**
 * <atlas-site-search>: the header's search link becomes a button that opens the search dialog, also on Ctrl+K / Cmd+K
 * and "/". Without JavaScript it stays a link to /search/. Pagefind's UI is only fetched on first use
 * (src/components/search/search-dialog.ts is a separate chunk that loads it).
 */

import { AtlasElement, defineElement } from '../element.ts';
import { wordsOf } from '../words.ts';
import type { SearchWords } from './search-words.ts';
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Ctrl+K / Cmd+K anywhere, or "/" outside a form field. */
const isShortcut = (event: KeyboardEvent) =>
  ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') ||
  (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target));

class SiteSearch extends AtlasElement {
  protected connect(signal: AbortSignal) {
    const link = this.querySelector('a');
    if (!link) return;
    const words = wordsOf<SearchWords>(this);
    const open = () => void import('./search-dialog.ts').then((m) => m.openSearchDialog(link, words));
    link.setAttribute('role', 'button');
    link.setAttribute('aria-haspopup', 'dialog');
    link.setAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
    link.addEventListener(
      'click',
      (event) => {
        event.preventDefault();
        open();
      },
      { signal },
    );
    link.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== ' ') return;
        event.preventDefault();
        open();
      },
      { signal },
    );
    document.addEventListener(
      'keydown',
      (event) => {
        if (!isShortcut(event) || document.querySelector('dialog[open]')) return;
        event.preventDefault();
        open();
      },
      { signal },
    );
  }
}

defineElement('site-search', SiteSearch);
