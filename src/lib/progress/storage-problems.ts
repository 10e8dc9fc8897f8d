/**
 * Why the progress stored in this browser could not be read or saved, and how the learner is told: the English words
 * here are the dictionary's `storage` section (src/i18n/dictionary/en.ts takes them from here); every page gives its
 * script the words of its language, so none of them is in a script. Shared by every page that reads progress
 * (src/components/progress/progress.ts).
 */

export type StorageProblem =
  /** Storage is blocked: nothing can be saved. */
  | { kind: 'blocked' }
  /** The stored record was unreadable and has been kept aside for download. */
  | { kind: 'setAside'; reason: string }
  /** The stored record was unreadable and could not be kept aside: it is left untouched. */
  | { kind: 'unreadable'; reason: string }
  /** A record in an older format could not be rewritten in the new one: it is left untouched. */
  | { kind: 'notUpdated' };

export const STORAGE_WORDS = {
  blocked:
    'This browser does not allow saving progress (storage is blocked), so marks last only until you leave the page.',
  setAside:
    'Your saved progress could not be read ({reason}), so it has been set aside (Your progress offers it for download) and you start afresh.',
  unreadable:
    'Your saved progress could not be read ({reason}) nor set aside (storage is full or blocked), so it is left untouched and changes here are not saved.',
  notUpdated:
    'Your saved progress could not be updated (storage is full or blocked), so it is left untouched and changes here are not saved.',
} as const;

/** The words of a page's language for each problem: the dictionary's `storage` section. */
export type StorageWords = Readonly<Record<StorageProblem['kind'], string>>;

/** A problem in a page's words (src/components/progress/progress.ts reads them from the page). */
export const storageProblemText = (problem: StorageProblem, words: Partial<StorageWords>): string =>
  (words[problem.kind] ?? problem.kind).replace('{reason}', 'reason' in problem ? problem.reason : '');
