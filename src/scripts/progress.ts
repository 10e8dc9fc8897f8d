/**
 * Progress in this browser: reads and writes localStorage through the pure store in src/lib/progress-store.ts,
 * and tells every open page (this tab and others) when it changes. Storage that cannot be read is set aside
 * under a dated backup key (the last three are kept, none overwritten), reported once, and never breaks the page.
 */
import { emptyProgress, parseProgress, type Progress, serializeProgress, STORAGE_KEY, type TopicState, withTopicState } from '../lib/progress-store';

/** Unreadable stores set aside: "<prefix><ISO time>"; the undated key is where sites before dated backups put one. */
const BACKUP_PREFIX = `${STORAGE_KEY}-unreadable-`;
const OLD_BACKUP_KEY = `${STORAGE_KEY}-unreadable`;
export const BACKUPS_KEPT = 3;
const EVENT = 'atlas-progress-change';

let problem: string | undefined;
/** True when an unreadable store could not be set aside: it then stays where it is and nothing overwrites it. */
let keepUnreadable = false;

export interface Backup {
  key: string;
  /** When it was set aside (ISO time), '' for an undated one. */
  savedAt: string;
  text: string;
}

/** Every store set aside in this browser, newest first. */
export function listBackups(): Backup[] {
  const backups: Backup[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key || (key !== OLD_BACKUP_KEY && !key.startsWith(BACKUP_PREFIX))) continue;
      backups.push({ key, savedAt: key === OLD_BACKUP_KEY ? '' : key.slice(BACKUP_PREFIX.length), text: localStorage.getItem(key) ?? '' });
    }
  } catch {
    return [];
  }
  return backups.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Sets unreadable text aside under a new dated key, then drops the oldest beyond BACKUPS_KEPT; false if it could not be stored. */
function setAside(text: string): boolean {
  let key = `${BACKUP_PREFIX}${new Date().toISOString()}`;
  for (let n = 2; localStorage.getItem(key) !== null; n++) key = `${BACKUP_PREFIX}${new Date().toISOString()}-${n}`;
  try {
    localStorage.setItem(key, text);
  } catch {
    return false;
  }
  for (const old of listBackups().slice(BACKUPS_KEPT)) localStorage.removeItem(old.key);
  return true;
}

function read(): Progress {
  let text: string | null = null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    problem = 'This browser does not allow saving progress (storage is blocked), so marks last only until you leave the page.';
  }
  const parsed = parseProgress(text);
  if (parsed.ok) return parsed.progress;
  try {
    if (setAside(text ?? '')) {
      localStorage.removeItem(STORAGE_KEY);
      problem = `Your saved progress could not be read (${parsed.reason}), so it has been set aside, ready to download from Your progress, and you start afresh.`;
      return emptyProgress();
    }
  } catch {
    // Storage blocked: fall through and leave the unreadable store untouched.
  }
  keepUnreadable = true;
  problem = `Your saved progress could not be read (${parsed.reason}) and there is no room to set it aside, so it is left as it is and changes on this page are not saved.`;
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
  let stored = false;
  if (!keepUnreadable) {
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

export function setTopicState(topicId: string, state: TopicState | null) {
  saveProgress(withTopicState(getProgress(), topicId, state));
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
