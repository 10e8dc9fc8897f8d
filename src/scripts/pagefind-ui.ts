/**
 * Loads Pagefind's Component UI (script and stylesheet from the build's /pagefind/ bundle) once, on first use,
 * and gives the result template the site uses: each result labelled with its type, and its difficulty for questions.
 */
interface PagefindInstance {
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]> | undefined) => void): void;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): PagefindInstance } };
  }
}

const BUNDLE = '/pagefind/';
/** Pause after a keystroke before searching: Pagefind answers in a few ms, so results can follow typing closely. */
export const SEARCH_DEBOUNCE_MS = 20;
let loading: Promise<void> | undefined;

export function loadPagefindUi(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${BUNDLE}pagefind-component-ui.css`;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = `${BUNDLE}pagefind-component-ui.js`;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('The search index could not be loaded.'));
    document.head.append(script);
  });
  return loading;
}

export function pagefindInstance(): PagefindInstance | undefined {
  return window.PagefindComponents?.getInstanceManager().getInstance('default');
}

/** Pagefind's default result markup plus a type label (and difficulty for questions). */
export const RESULT_TEMPLATE = `<li class="pf-result">
  <div class="pf-result-card"><div class="pf-result-content">
    <p class="pf-result-title"><span class="atlas-result-type">{{ meta.type | default('page') }}</span> <a class="pf-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a>{{#if meta.difficulty}} <span class="atlas-result-meta">{{ meta.difficulty }}</span>{{/if}}</p>
    {{#if excerpt}}<p class="pf-result-excerpt">{{+ excerpt +}}</p>{{/if}}
  </div></div>
  {{#if sub_results}}<ul class="pf-heading-chips">{{#each sub_results as sub}}<li class="pf-heading-chip"><a class="pf-heading-link" href="{{ sub.url | safeUrl }}">{{ sub.title }}</a><p class="pf-heading-excerpt">{{+ sub.excerpt +}}</p></li>{{/each}}</ul>{{/if}}
</li>`;

/** Builds an element tree from [tag, attributes, children] without innerHTML. */
export function el(tag: string, attributes: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Pagefind 1.6's filter dropdown trigger is a <button role="combobox"> whose label is its text content, which a
 * combobox does not take its accessible name from (axe: button-name). Name each trigger after its filter.
 */
export function nameFilterDropdowns(root: HTMLElement) {
  const name = () => {
    for (const trigger of root.querySelectorAll<HTMLElement>('.pf-dropdown-trigger:not([aria-label])')) {
      const label = trigger.querySelector('.pf-dropdown-trigger-label')?.textContent?.trim();
      if (label) trigger.setAttribute('aria-label', `Filter by ${label.toLowerCase()}`);
    }
  };
  new MutationObserver(name).observe(root, { childList: true, subtree: true });
  name();
}

export function resultsWithTemplate(attributes: Record<string, string> = {}) {
  const template = el('script', { type: 'text/pagefind-template' }, [RESULT_TEMPLATE]);
  return el('pagefind-results', attributes, [template]);
}
