/**
 * The search dialog (Pagefind Component UI's <pagefind-modal>): input, type and difficulty filters, results
 * labelled by type, keyboard hints. Built on first use; Escape or the close button closes it and focus returns
 * to what opened it.
 */
import { SEARCH_DEBOUNCE_MS, SEARCH_PLACEHOLDER } from '../../lib/site/site.ts';
import { el, loadPagefindUi, nameFilterDropdowns, pagefindInstance, resultsWithTemplate } from './pagefind-ui.ts';
import { searchSuggestion } from './search-suggestion.ts';

type Modal = HTMLElement & { open(): void; close(): void };
let modal: Modal | undefined;
let opener: HTMLElement | undefined;

function build(): Modal {
  const dialog = el('pagefind-modal', { 'reset-on-close': 'false' }, [
    el('pagefind-modal-header', {}, [
      el('pagefind-input', { placeholder: SEARCH_PLACEHOLDER, debounce: String(SEARCH_DEBOUNCE_MS) }),
    ]),
    el('pagefind-modal-body', {}, [
      el('div', { class: 'atlas-search-filters' }, [
        el('pagefind-filter-dropdown', { filter: 'type', label: 'Type' }),
        el('pagefind-filter-dropdown', { filter: 'difficulty', label: 'Difficulty' }),
      ]),
      el('pagefind-summary'),
      resultsWithTemplate(),
    ]),
    el('pagefind-modal-footer', {}, [
      el('pagefind-keyboard-hints'),
      el('a', { href: '/search/', class: 'atlas-search-page-link' }, ['Open the search page']),
    ]),
  ]) as Modal;
  const instance = pagefindInstance();
  if (instance) dialog.querySelector('pagefind-summary')!.after(searchSuggestion(instance, dialog));
  nameFilterDropdowns(dialog);
  document.body.append(dialog);
  dialog.addEventListener('close', () => opener?.focus(), true);
  return dialog;
}

export async function openSearchDialog(from: HTMLElement) {
  opener = from;
  try {
    await loadPagefindUi();
  } catch {
    location.href = '/search/';
    return;
  }
  modal ??= build();
  await customElements.whenDefined('pagefind-modal');
  modal.open();
}
