/** <share-button>: Web Share API where available, otherwise copy the canonical link; either way, say what happened. */
class ShareButton extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button')!;
    const status = this.querySelector('[role="status"]')!;
    const url = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
    const title = this.dataset.title ?? document.title;
    button.addEventListener('click', async () => {
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
    });
    button.disabled = false;
  }
}

customElements.define('share-button', ShareButton);
