/**
 * <atlas-share-button>: Web Share API where available, otherwise copy the canonical link; either way, say what happened.
 * The one element that does not extend AtlasElement (src/components/element.ts): it imports nothing, so the page
 * inlines it, and on a roadmap that keeps 0.5 KB gzip out of the script budget. It writes the base's lifecycle out
 * (one listener, ended on disconnect) and defines its old tag itself.
 */

// eslint-disable-next-line no-restricted-syntax -- inlined for the roadmap's script budget (see above)
class ShareButton extends HTMLElement {
  #abort = new AbortController();

  connectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
    const button = this.querySelector('button');
    const status = this.querySelector('[role="status"]');
    if (!button || !status) throw new Error('<atlas-share-button> is missing its button or its [role="status"]');
    const url = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
    const title = this.dataset.title ?? document.title;
    // The page's words for what happened (data-words, from the dictionary); the key stands in for a missing one.
    let given: Record<string, string> = {};
    try {
      given = JSON.parse(this.dataset.words ?? '{}') as Record<string, string>;
    } catch {
      // a page cut short
    }
    const say = (key: string) => given[key] ?? key;
    const share = async () => {
      if (typeof navigator.share === 'function') {
        try {
          await navigator.share({ title, url });
          status.textContent = say('shared');
          return;
        } catch (error) {
          if ((error as DOMException).name === 'AbortError') return; // the visitor closed the share sheet
        }
      }
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = say('copied');
      } catch {
        status.textContent = say('copyThis').replace('{url}', url);
      }
    };
    button.addEventListener('click', () => void share(), { signal: this.#abort.signal });
    button.disabled = false;
  }

  disconnectedCallback() {
    this.#abort.abort();
  }
}

if (!customElements.get('atlas-share-button')) {
  // eslint-disable-next-line no-restricted-syntax -- as defineElement() does: the prefixed tag, and the old one
  customElements.define('atlas-share-button', ShareButton);
  // eslint-disable-next-line no-restricted-syntax -- see above
  customElements.define('share-button', class extends ShareButton {});
}
