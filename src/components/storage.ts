/**
 * Web Storage that never throws: reading `localStorage` itself throws where storage is blocked (a sandboxed frame,
 * some private modes), and writing throws when the quota is full. Every element reads and writes through these;
 * the caller decides what a missing value or a failed write means.
 */

export type StorageArea = 'local' | 'session';

const area = (which: StorageArea): Storage => (which === 'local' ? localStorage : sessionStorage);

/** The stored text, or null when there is none or storage is unavailable. */
export function readStored(which: StorageArea, key: string): string | null {
  try {
    return area(which).getItem(key);
  } catch {
    return null;
  }
}

/** Stores text; false when storage is unavailable or full (nothing was written). */
export function writeStored(which: StorageArea, key: string, value: string): boolean {
  try {
    area(which).setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
