/**
 * The base every custom element of the site extends, and the one way to define one. The base owns the lifecycle:
 * each connection gets a fresh AbortSignal, aborted when the element leaves the page, so every listener added with
 * `{ signal }` ends with it. Tags share the `atlas-` prefix; the old, unprefixed tag is defined too, because a page
 * saved before the prefix (the service worker's cache, a saved HTML file) still holds it.
 * Lint (eslint.config.js) fails a class that extends HTMLElement anywhere but here.
 */

/** The prefix of every custom element's tag. */
const TAG_PREFIX = 'atlas-';

export abstract class AtlasElement extends HTMLElement {
  #abort = new AbortController();

  /** Aborted when the element leaves the page; a new one each time it is connected. */
  protected get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Returns what `connect` returns, so a test can await an element that connects asynchronously. */
  connectedCallback(): void | Promise<void> {
    this.#abort.abort();
    this.#abort = new AbortController();
    return this.connect(this.#abort.signal);
  }

  disconnectedCallback(): void {
    this.#abort.abort();
  }

  /** Wires the element up; what it adds with `signal` is released when it disconnects. */
  protected abstract connect(signal: AbortSignal): void | Promise<void>;
}

/** Defines `atlas-<name>`, and `<name>` for pages saved before the prefix. Defining twice (a script run twice) is a no-op. */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (customElements.get(`${TAG_PREFIX}${name}`)) return;
  customElements.define(`${TAG_PREFIX}${name}`, element);
  // One constructor can back one tag only: the old tag gets a subclass that adds nothing.
  customElements.define(name, class extends element {});
}
