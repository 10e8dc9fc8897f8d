/**
 * <transfer-section> (TransferSection.astro). Only this much loads with /progress/: the transfer panel
 * (transfer-panel.ts, with the codec and the merge) loads when a link is made or the page is opened from one.
 */
import type { TransferPanel } from './transfer-panel.ts';

class TransferSection extends HTMLElement {
  private panel: Promise<TransferPanel> | undefined;

  private load() {
    this.panel ??= import('./transfer-panel.ts').then((m) => new m.TransferPanel(this));
    return this.panel;
  }

  connectedCallback() {
    const make = this.querySelector<HTMLButtonElement>('[data-make-link]')!;
    make.addEventListener('click', async () => (await this.load()).makeLink());
    make.disabled = false;
    const open = async () => {
      if (location.hash.startsWith('#transfer=')) await (await this.load()).openFromLocation();
    };
    addEventListener('hashchange', () => void open());
    void open();
  }
}

customElements.define('transfer-section', TransferSection);
