/**
 * <share-button>: Web Share API where available, otherwise copy the canonical link; either way, say what happened.
 * It imports nothing, so the page inlines it.
 */

class ShareButton extends HTMLElement {
  /** Ends the button's listener when the element leaves the page; a new one each time it is connected. */
  #abort = new AbortController();

  connectedCallback() {
    this.#abort = new AbortController();
    const button = this.querySelector('button');
    const status = this.querySelector('[role="status"]');
    if (!button || !status) throw new Error('<share-button> is missing its button or its [role="status"]');
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
