/** <share-button>: Web Share API where available, otherwise copy the canonical link; either way, say what happened. */
import { part } from '../parts.ts';

class ShareButton extends HTMLElement {
  /** Ends the button's listener when the element leaves the page; a new one each time it is connected. */
  #abort = new AbortController();

  connectedCallback() {
    this.#abort = new AbortController();
    const button = part(this, 'button', HTMLButtonElement);
    const status = part(this, '[role="status"]', HTMLElement);
    const url = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
    const title = this.dataset.title ?? document.title;
    const share = async () => {
      if (typeof navigator.share === 'function') {
        try {
          await navigator.share({ title, url });
          status.textContent = 'Shared.';
          return;
        } catch (error) {
          if ((error as DOMException).name === 'AbortError') return; // the visitor closed the share sheet
        }
      }
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = 'Link copied to the clipboard.';
      } catch {
        status.textContent = `Copy this link: ${url}`;
      }
    };
    button.addEventListener('click', () => void share(), { signal: this.#abort.signal });
    button.disabled = false;
  }

  disconnectedCallback() {
    this.#abort.abort();
  }
}

customElements.define('share-button', ShareButton);
