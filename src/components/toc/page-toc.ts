/**
 * <page-toc>: marks the link of the section being read (aria-current="true") as the learner scrolls: the last
 * section whose heading has passed the top third of the screen.
 */
class PageToc extends HTMLElement {
  connectedCallback() {
    const links = new Map(
      [...this.querySelectorAll<HTMLAnchorElement>('[data-toc-link]')].map((a) => [a.dataset.tocLink!, a]),
    );
    const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => !!h);
    if (!headings.length) return;
    let ticking = false;
    const update = () => {
      ticking = false;
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
        if (ticking) return;
        ticking = true;
        requestAnimationFrame(update);
      },
      { passive: true },
    );
    update();
  }
}

customElements.define('page-toc', PageToc);
