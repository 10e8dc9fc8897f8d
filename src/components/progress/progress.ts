/**
 * Progress in this browser: reads and writes localStorage through the pure store in src/lib/progress/progress-store.ts,
 * and tells every open page (this tab and others) when it changes. Storage that cannot be read is set aside
 * under a dated backup key (the last three are kept, none overwritten), reported once, and never breaks the page.
 */
import { hasSomethingToKeep, LAST_COPY_KEY } from '../../lib/progress/keep-data.ts';
import {
  emptyProgress,
  parseProgress,
  type Progress,
  serializeProgress,
  STORAGE_KEY,
  type TopicState,
} from '../../lib/progress/progress-store.ts';
import { withRoadmapWorked } from '../../lib/progress/progress-edits.ts';
import { localDate } from '../../lib/progress/review-state.ts';
import { withTopicMarked } from '../../lib/progress/topic-review.ts';
import { type StorageProblem, storageProblemText, type StorageWords } from '../../lib/progress/storage-problems.ts';

/** Unreadable stores are set aside as "<BACKUP_KEY>-<ISO time>"; a bare BACKUP_KEY is an older, undated one. */
export const BACKUP_KEY = `${STORAGE_KEY}-unreadable`;
export const BACKUPS_KEPT = 3;
const EVENT = 'atlas-progress-change';

let problem: StorageProblem | undefined;
/** True when a store could not be set aside (unreadable) or migrated: it then stays where it is and nothing overwrites it. */
let keepStored = false;

/** Keys of the stores set aside, newest first (ISO times sort as text; the undated key sorts last). */
export const backupKeys = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith(BACKUP_KEY))
    .sort()
    .reverse();

function read(): Progress {
  let text: string | null = null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    problem = { kind: 'blocked' };
  }
  const parsed = parseProgress(text);
  if (parsed.ok) {
    if (parsed.from && text) storeMigrated(text, parsed.progress, parsed.from);
    return parsed.progress;
  }
  try {
    // A new key every time, so an earlier copy is never overwritten; only the oldest beyond BACKUPS_KEPT go.
    let key = `${BACKUP_KEY}-${new Date().toISOString()}`;
    while (localStorage.getItem(key) !== null) key += '+';
    localStorage.setItem(key, text ?? '');
    for (const old of backupKeys().slice(BACKUPS_KEPT)) localStorage.removeItem(old);
    localStorage.removeItem(STORAGE_KEY);
    problem = { kind: 'setAside', reason: parsed.reason };
  } catch {
    keepStored = true;
    problem = { kind: 'unreadable', reason: parsed.reason };
  }
  return emptyProgress();
}

/**
 * Writes progress migrated from an older format: the old record is first kept aside under "atlas-progress-format-<version>",
 * and removed only once the new one is written and reads back the same. Anything short of that leaves the old
 * record in place and saves nothing over it.
 */
function storeMigrated(old: string, progress: Progress, from: number) {
  const aside = `${STORAGE_KEY}-format-${from}`;
  const next = serializeProgress(progress);
  try {
    localStorage.setItem(aside, old);
    localStorage.setItem(STORAGE_KEY, next);
    if (localStorage.getItem(STORAGE_KEY) === next) return localStorage.removeItem(aside);
    localStorage.setItem(STORAGE_KEY, old);
  } catch {
    // Full or blocked: a refused write left the old record where it was (and kept aside, if that was written).
  }
  keepStored = true;
  problem = { kind: 'notUpdated' };
}

let current: Progress | undefined;

export function getProgress(): Progress {
  current ??= read();
  return current;
}

/**
 * A message about stored progress that could not be used, once per page, in the page's words: the element's
 * `data-storage-words`, which each page's component writes from the dictionary's `storage` section, or `words` given.
 */
export function takeStorageProblem(from: HTMLElement | StorageWords): string | undefined {
  getProgress();
  const taken = problem;
  problem = undefined;
  if (!taken) return undefined;
  let words: Partial<StorageWords> = {};
  try {
    words = 'dataset' in from ? (JSON.parse(from.dataset.storageWords ?? '{}') as StorageWords) : from;
  } catch {
    // a page cut short: the problem's name stands in for its words
  }
  return storageProblemText(taken, words);
}

let askedToPersist = false;
/**
 * Asks the browser, once a page has saved something worth keeping, to keep this site's storage when space runs
 * low (most browsers decide silently; Firefox asks the learner once and remembers). /progress/ says what it decided.
 */
function askToPersist(progress: Progress) {
  if (askedToPersist || !hasSomethingToKeep(progress)) return;
  askedToPersist = true;
  void navigator.storage?.persist?.().catch(() => false);
}

/** Remembers that the learner just took a copy of their progress (an export file or a transfer link). */
export function recordCopy(now = new Date()) {
  try {
    localStorage.setItem(LAST_COPY_KEY, now.toISOString());
  } catch {
    // Storage blocked: the reminder on /progress/ stays.
  }
}

/** Applies progress to every open page and stores it; false when storage is full or blocked (the change then lasts for this page only). */
export function saveProgress(next: Progress): boolean {
  current = next;
  askToPersist(next);
  let stored = false;
  if (!keepStored) {
    try {
      localStorage.setItem(STORAGE_KEY, serializeProgress(next));
      stored = true;
    } catch {
      // Full or blocked: the change lasts for this page only.
    }
  }
  dispatchEvent(new CustomEvent(EVENT));
  return stored;
}

/**
 * Marks a topic; marking it done also schedules its first topic review (src/lib/progress/topic-review.ts). `roadmap`
 * is the roadmap the learner set it from (its map, or a topic page while walking it): it counts as worked on.
 */
export function setTopicState(topicId: string, state: TopicState | null, roadmap?: string) {
  const now = new Date();
  saveProgress(withRoadmapWorked(withTopicMarked(getProgress(), topicId, state, localDate(now)), roadmap, now));
}

/** Records that the learner worked on one of our roadmaps now (planned it, saved it for offline…). */
export function recordRoadmapWork(roadmap: string | undefined) {
  const next = withRoadmapWorked(getProgress(), roadmap, new Date());
  if (next !== getProgress()) saveProgress(next);
}

// Another tab wrote the store: read it afresh before this page writes, on every page, listened to or not (a page
// that only writes, such as a lab, would otherwise write its stale copy over the other tab's changes).
addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) current = undefined;
});

/**
 * Calls `callback` whenever progress changes, in this tab or another; an element passes the signal that ends when
 * it leaves the page, and a page's own script, which lives as long as the page, passes none.
 */
export function onProgressChange(callback: () => void, signal?: AbortSignal) {
  const options = signal ? { signal } : {};
  addEventListener(EVENT, callback, options);
  addEventListener(
    'storage',
    (event) => {
      if (event.key === STORAGE_KEY || event.key === null) callback();
    },
    options,
  );
}

export const STATE_LABEL: Record<TopicState | 'none', string> = {
  none: 'not started',
  learning: 'learning',
  done: 'done',
  skipped: 'skipped',
};

/** Shows a message in a page's notice region (role="status"), replacing the previous one. */
export function notify(region: Element | null, message: string) {
  if (!region) return;
  region.textContent = message;
  region.removeAttribute('hidden');
}
