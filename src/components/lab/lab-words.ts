/**
 * What a lab's scripts say, in the page's language: the dictionary's `labView` section (src/i18n/dictionary/), which
 * the workbench's element carries as JSON (`data-words`, LabWorkbench.astro and DesignWorkbench.astro).
 */
import type { Messages } from '../../i18n/dictionary/messages.ts';
import { wordsOf } from '../words.ts';

export type LabWords = Messages['labView'];

/** The words of the lab workbench `root`. */
export const labWords = (root: HTMLElement): LabWords => wordsOf<LabWords>(root);
