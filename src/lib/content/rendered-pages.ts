/**
 * Each page `astro build` renders, handed over as it is rendered: Pagefind indexes it while the next pages render
 * (src/integrations/pagefind.ts) instead of reading every file back once the build is written. The middleware that
 * hands pages over (src/integrations/rendered-pages-middleware.ts) runs inside Astro's prerender bundle, which has
 * its own copy of every module, so the two sides meet on a global.
 */

/**
 * Where rendered pages go. `reserve` is called as a request starts and gives the slot its response fills, once:
 * with the file it is written to (relative to the output folder) and its HTML, or with nothing for a response
 * that is not a page.
 */
export interface PageSink {
  reserve(): (page?: { file: string; html: string }) => void;
}

/**
 * A sink that hands pages to `add` in the order their requests started, whatever order they finish in. Astro
 * starts the requests of a build in the same order every time, even when it renders several at once, so the
 * pages reach `add` (and get their place in the search index) in the same order from one build to the next.
 */
export function orderedSink(add: (file: string, html: string) => void): PageSink {
  const waiting = new Map<number, { file: string; html: string } | undefined>();
  let reserved = 0;
  let next = 0;
  return {
    reserve() {
      const slot = reserved++;
      let filled = false;
      return (page) => {
        if (filled) return; // a slot is filled once; later calls change nothing
        filled = true;
        waiting.set(slot, page);
        for (; waiting.has(next); next++) {
          const ready = waiting.get(next);
          waiting.delete(next);
          if (ready) add(ready.file, ready.html);
        }
      };
    },
  };
}

const SINK = Symbol.for('backend-atlas:rendered-pages');
type WithSink = { [SINK]?: PageSink | undefined };

/** Starts (or, with no sink, stops) handing rendered pages to `sink`. */
export const setPageSink = (sink: PageSink | undefined): void => {
  (globalThis as WithSink)[SINK] = sink;
};

/** Where rendered pages go, if anywhere. */
export const pageSink = (): PageSink | undefined => (globalThis as WithSink)[SINK];

/** The file a page is written to, from its path: "/topics/jwt/" → "topics/jwt/index.html", "/404" → "404.html". */
export function pageFile(pathname: string): string {
  const path = decodeURI(pathname).replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return path.endsWith('.html') ? path : `${path}.html`;
}
