/**
 * Progress in the browser's storage (src/components/progress/progress.ts) against a stand-in localStorage: unreadable data is set
 * aside under dated keys, never dropped or overwritten. The same path in a real browser: tests/e2e/roadmap.spec.ts.
 */
import { STORAGE_WORDS } from '../../../src/lib/progress/storage-problems.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyProgress } from '../../../src/lib/progress/progress-store.ts';

/** localStorage's shape: items are the object's own keys, as Object.keys(localStorage) lists them. */
class MemoryStorage {
  [key: string]: unknown;
  getItem(key: string) {
    return Object.hasOwn(this, key) ? (this[key] as string) : null;
  }
  setItem(key: string, value: string) {
    this[key] = String(value);
  }
  removeItem(key: string) {
    delete this[key];
  }
}

const UNREADABLE = '{"version":1,"topics":{"jwt":"mastered"}}';
let storage: MemoryStorage;

/** A fresh page: the module read anew over the current storage. */
const load = async () => {
  vi.resetModules();
  return import('../../../src/components/progress/progress.ts');
};

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('addEventListener', vi.fn());
  vi.stubGlobal('dispatchEvent', vi.fn());
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00.000Z') });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('stored progress', () => {
  it('reads a readable store and saves changes back to it', async () => {
    storage.setItem('atlas-progress', '{"version":1,"topics":{"jwt":"done"}}');
    const progress = await load();
    expect(progress.getProgress().topics).toEqual({ jwt: 'done' });
    expect(progress.takeStorageProblem(STORAGE_WORDS)).toBeUndefined();
    progress.setTopicState('sql', 'learning');
    expect((JSON.parse(storage.getItem('atlas-progress')!) as { topics: unknown }).topics).toEqual({
      jwt: 'done',
      sql: 'learning',
    });
    expect(Object.keys(storage)).toEqual(['atlas-progress']);
  });

  it('sets an unreadable store aside under a dated key, says why once, and starts afresh', async () => {
    storage.setItem('atlas-progress', UNREADABLE);
    const progress = await load();
    expect(progress.getProgress()).toEqual(emptyProgress());
    expect(storage.getItem('atlas-progress-unreadable-2026-11-22T10:00:00.000Z')).toBe(UNREADABLE);
    expect(storage.getItem('atlas-progress')).toBeNull();
    expect(progress.takeStorageProblem(STORAGE_WORDS)).toMatch(
      /could not be read \(topic "jwt" has an unknown state\), so it has been set aside/,
    );
    expect(progress.takeStorageProblem(STORAGE_WORDS)).toBeUndefined();
  });

  it('never overwrites an earlier copy, and keeps the newest three', async () => {
    for (const at of ['2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z'])
      storage.setItem(`atlas-progress-unreadable-${at}`, at);
    storage.setItem('atlas-progress-unreadable', 'undated, the oldest');
    storage.setItem('atlas-progress-unreadable-2026-11-22T10:00:00.000Z', 'set aside a moment ago');
    storage.setItem('atlas-progress', UNREADABLE);
    (await load()).getProgress();
    expect(Object.fromEntries(Object.entries(storage))).toEqual({
      'atlas-progress-unreadable-2026-11-22T10:00:00.000Z': 'set aside a moment ago',
      'atlas-progress-unreadable-2026-11-22T10:00:00.000Z+': UNREADABLE,
      'atlas-progress-unreadable-2026-11-02T00:00:00.000Z': '2026-11-02T00:00:00.000Z',
    });
  });

  it('leaves an unreadable store untouched when it cannot be set aside, and then saves nothing over it', async () => {
    storage.setItem('atlas-progress', UNREADABLE);
    const progress = await load();
    // Too full for a copy of the old store, though a small new one would still fit.
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      if (key.startsWith('atlas-progress-unreadable')) throw new Error('QuotaExceededError');
      setItem(key, value);
    };
    progress.getProgress();
    expect(progress.takeStorageProblem(STORAGE_WORDS)).toMatch(/nor set aside .* so it is left untouched/);
    expect(progress.saveProgress({ ...progress.getProgress(), topics: { sql: 'done' } })).toBe(false);
    expect(storage.getItem('atlas-progress')).toBe(UNREADABLE);
    expect(progress.getProgress().topics).toEqual({ sql: 'done' });
  });
});
