/**
 * <atlas-copy-code>: a "Copy" button on every highlighted code block inside it (progressive enhancement: without
 * JavaScript the code is still selectable). The button says "Copied" for a moment, or why it could not copy.
 * It imports nothing, so the page inlines it.
 */

import type { Messages } from '../../i18n/dictionary/messages.ts';
import { AtlasElement, defineElement } from '../element.ts';
import { wordsOf } from '../words.ts';

class CopyCode extends AtlasElement {
  protected connect() {
    for (const pre of this.querySelectorAll<HTMLPreElement>('pre.code-block')) {
      const wrap = document.createElement('div');
      wrap.className = 'code-wrap';
      pre.replaceWith(wrap);
      wrap.append(pre);
      wrap.append(this.#copyButton(pre));
    }
  }

  #copyButton(pre: HTMLPreElement) {
    const signal = this.signal;
    const words = wordsOf<Messages['copy']>(this);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy no-print';
    button.textContent = words.copy;
    const language = pre.dataset.lang && pre.dataset.lang !== 'text' ? ` ${pre.dataset.lang}` : '';
    button.setAttribute('aria-label', words.copyCode.replace('{language}', language));
    const copy = async () => {
      try {
        await navigator.clipboard.writeText(pre.textContent ?? '');
        button.textContent = words.copied;
      } catch {
        button.textContent = words.selectAndCopy;
      }
      const reset = setTimeout(() => (button.textContent = words.copy), 2000);
      signal.addEventListener('abort', () => clearTimeout(reset), { once: true });
    };
    button.addEventListener('click', () => void copy(), { signal });
    return button;
  }
}

defineElement('copy-code', CopyCode);
