/**
 * <atlas-transfer-section> (TransferSection.astro). Only this much loads with /progress/: the transfer panel
 * (transfer-panel.ts, with the codec and the merge) loads when a link is made or the page is opened from one.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { part } from '../parts.ts';
import type { TransferPanel } from './transfer-panel.ts';

class TransferSection extends AtlasElement {
  #panel: Promise<TransferPanel> | undefined;

  #load() {
    const signal = this.signal;
    this.#panel ??= import('./transfer-panel.ts').then((m) => new m.TransferPanel(this, signal));
    return this.#panel;
  }

  protected connect(signal: AbortSignal) {
    this.#panel = undefined;
    const make = part(this, '[data-make-link]', HTMLButtonElement);
    make.addEventListener('click', () => void this.#load().then((panel) => panel.makeLink()), { signal });
    make.disabled = false;
    const open = async () => {
      if (location.hash.startsWith('#transfer=')) await (await this.#load()).openFromLocation();
    };
    addEventListener('hashchange', () => void open(), { signal });
    void open();
  }
}

defineElement('transfer-section', TransferSection);
