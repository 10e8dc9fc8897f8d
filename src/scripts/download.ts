import { isoDay } from '../lib/dates';

/** Saves text as a file through a temporary link (no server involved). */
export function downloadText(fileName: string, text: string, type = 'application/json') {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The export file's name for a day: backend-atlas-progress-YYYY-MM-DD.json. */
export const exportFileName = (now: Date) => `backend-atlas-progress-${isoDay(now)}.json`;
