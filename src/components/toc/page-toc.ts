/**
 * <page-toc>: marks the link of the section being read (aria-current="true") as the learner scrolls: the last
 * section whose heading has passed the top third of the screen.
 */
class PageToc extends HTMLElement {
  /** Ends the scroll listener when the element leaves the page; a new one each time it is connected. */
  #abort = new AbortController();
  /** The frame an update waits for, if one does. */
  #frame = 0;

  connectedCallback() {
    this.#abort = new AbortController();
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
      { passive: true, signal: this.#abort.signal },
    );
    update();
  }

  disconnectedCallback() {
    this.#abort.abort();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }
}

customElements.define('page-toc', PageToc);
