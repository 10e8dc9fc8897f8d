/**
 * The search view's words, in the page's language: the dictionary's `searchBox` section (src/i18n/dictionary/), which
 * the page gives the element that opens search as JSON (`data-words`).
 */
import type { Messages } from '../../i18n/dictionary/messages.ts';
import { wordsOf } from '../words.ts';

export type SearchWords = Messages['searchBox'];

/** The words `element` was given. */
export const searchWords = (element: HTMLElement): SearchWords => wordsOf<SearchWords>(element);
