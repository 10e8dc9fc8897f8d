/**
 * The interface words a page gives its scripts, in the page's language (src/i18n/): a module of its own, without the
 * element base class, so that modules run in Node too (the progress store's) can read them.
 */

/**
 * The interface words the page gave an element, in the page's language: `data-words` (or the data attribute `key`
 * names: `storageWords` is `data-storage-words`), the JSON of one section of the dictionary (src/i18n/), rendered by
 * the element's component. A word the page did not give reads as its key, so a stale page still works.
 */
export function wordsOf<T extends Record<string, unknown>>(
  element: HTMLElement,
  key = 'words',
): { [K in keyof T]: T[K] } {
  let given: Record<string, unknown> = {};
  try {
    given = JSON.parse(element.dataset[key] ?? '{}') as Record<string, unknown>;
  } catch {
    // a page cut short: the keys stand in for its words
  }
  return new Proxy(given, { get: (words, key: string) => words[key] ?? key }) as { [K in keyof T]: T[K] };
}
