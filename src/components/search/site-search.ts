/**
 * <site-search>: the header's search link becomes a button that opens the search dialog, also on Ctrl+K / Cmd+K
 * and "/". Without JavaScript it stays a link to /search/. Pagefind's UI is only fetched on first use
 * (src/components/search/search-dialog.ts is a separate chunk that loads it).
 */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

class SiteSearch extends HTMLElement {
  connectedCallback() {
    const link = this.querySelector('a');
    if (!link) return;
    const open = () => void import('./search-dialog.ts').then((m) => m.openSearchDialog(link));
    link.setAttribute('role', 'button');
    link.setAttribute('aria-haspopup', 'dialog');
    link.setAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      open();
    });
    link.addEventListener('keydown', (event) => {
      if (event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
    document.addEventListener('keydown', (event) => {
      const modK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (!modK && !slash) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      open();
    });
  }
}

customElements.define('site-search', SiteSearch);
