/**
 * <copy-code>: a "Copy" button on every highlighted code block inside it (progressive enhancement: without
 * JavaScript the code is still selectable). The button says "Copied" for a moment, or why it could not copy.
 */
class CopyCode extends HTMLElement {
  connectedCallback() {
    for (const pre of this.querySelectorAll<HTMLPreElement>('pre.code-block')) {
      const wrap = document.createElement('div');
      wrap.className = 'code-wrap';
      pre.replaceWith(wrap);
      wrap.append(pre);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'code-copy no-print';
      button.textContent = 'Copy';
      const language = pre.dataset.lang && pre.dataset.lang !== 'text' ? ` ${pre.dataset.lang}` : '';
      button.setAttribute('aria-label', `Copy${language} code`);
      button.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(pre.textContent ?? '');
          button.textContent = 'Copied';
        } catch {
          button.textContent = 'Select and copy';
        }
        setTimeout(() => (button.textContent = 'Copy'), 2000);
      });
      wrap.append(button);
    }
  }
}

customElements.define('copy-code', CopyCode);
