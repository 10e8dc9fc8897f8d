/**
 * <atlas-page-toc>: marks the link of the section being read (aria-current="true") as the learner scrolls: the last
 * section whose heading has passed the top third of the screen.
 */

import { AtlasElement, defineElement } from '../element.ts';
class PageToc extends AtlasElement {
  /** The frame an update waits for, if one does. */
  #frame = 0;

  protected connect() {
    const links = new Map(
      [...this.querySelectorAll<HTMLAnchorElement>('[data-toc-link]')].map((a) => [a.dataset.tocLink!, a]),
    );
    const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => !!h);
    if (!headings.length) return;
    const update = () => {
      this.#frame = 0;
      const line = innerHeight / 3;
      let current = headings[0]!;
      for (const heading of headings) if (heading.getBoundingClientRect().top <= line) current = heading;
      for (const [id, link] of links) {
        if (id === current.id) link.setAttribute('aria-current', 'true');
        else link.removeAttribute('aria-current');
      }
    };
    addEventListener(
      'scroll',
      () => {
        if (!this.#frame) this.#frame = requestAnimationFrame(update);
      },
      { passive: true, signal: this.signal },
    );
    update();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }
}

defineElement('page-toc', PageToc);
