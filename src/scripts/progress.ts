/**
 * Progress in this browser: reads and writes localStorage through the pure store in src/lib/progress-store.ts,
 * and tells every open page (this tab and others) when it changes. Storage that cannot be read is set aside
 * under a backup key, reported once, and never breaks the page.
 */
import { emptyProgress, parseProgress, type Progress, serializeProgress, STORAGE_KEY, type TopicState } from '../lib/progress-store';
import { localDate } from '../lib/review-state';
import { withTopicMarked } from '../lib/topic-review';

const BACKUP_KEY = `${STORAGE_KEY}-unreadable`;
const EVENT = 'atlas-progress-change';

let problem: string | undefined;

function read(): Progress {
  let text: string | null = null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    problem = 'This browser does not allow saving progress (storage is blocked), so marks last only until you leave the page.';
  }
  const parsed = parseProgress(text);
  if (parsed.ok) return parsed.progress;
  problem = `Your saved progress could not be read (${parsed.reason}), so it has been set aside and you start afresh.`;
  try {
    localStorage.setItem(BACKUP_KEY, text ?? '');
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing more to do: the page works without storage.
  }
  return emptyProgress();
}

let current: Progress | undefined;

export function getProgress(): Progress {
  current ??= read();
  return current;
}

/** A message about stored progress that could not be used, once per page. */
export function takeStorageProblem(): string | undefined {
  getProgress();
  const message = problem;
  problem = undefined;
  return message;
}

/** Applies progress to every open page and stores it; false when storage is full or blocked (the change then lasts for this page only). */
export function saveProgress(next: Progress): boolean {
  current = next;
  let stored = true;
  try {
    localStorage.setItem(STORAGE_KEY, serializeProgress(next));
  } catch {
    stored = false;
  }
  dispatchEvent(new CustomEvent(EVENT));
  return stored;
}

/** Marks a topic; marking it done also schedules its first topic review (src/lib/topic-review.ts). */
export function setTopicState(topicId: string, state: TopicState | null) {
  saveProgress(withTopicMarked(getProgress(), topicId, state, localDate(new Date())));
}

export function onProgressChange(callback: () => void) {
  addEventListener(EVENT, callback);
  addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    current = undefined;
    callback();
  });
}

export const STATE_LABEL: Record<TopicState | 'none', string> = { none: 'not started', learning: 'learning', done: 'done', skipped: 'skipped' };

/** Shows a message in a page's notice region (role="status"), replacing the previous one. */
export function notify(region: Element | null, message: string) {
  if (!region) return;
  region.textContent = message;
  region.removeAttribute('hidden');
}
