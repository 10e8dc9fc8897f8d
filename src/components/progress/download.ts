import { isoDay } from '../../core/format/dates.ts';

/** Saves data as a file through a temporary link (no server involved). */
export function downloadBlob(fileName: string, blob: Blob) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Saves text as a file. */
export const downloadText = (fileName: string, text: string, type = 'application/json') =>
  downloadBlob(fileName, new Blob([text], { type }));

/** The export file's name for a day: backend-atlas-progress-YYYY-MM-DD.json. */
export const exportFileName = (now: Date) => `backend-atlas-progress-${isoDay(now)}.json`;
