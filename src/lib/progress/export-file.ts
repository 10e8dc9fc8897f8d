/**
 * The export file: the learner's progress with what produced it, so a file from elsewhere is recognised and refused.
 * Reading one validates it as the store does (src/lib/progress/progress-store.ts).
 */
import { type ParseResult, type Progress, toProgress } from './progress-store.ts';

export const EXPORT_KIND = 'backend-atlas-progress';

export function toExportFile(progress: Progress, exportedAt: Date): string {
  return `${JSON.stringify({ kind: EXPORT_KIND, exportedAt: exportedAt.toISOString(), ...progress }, null, 2)}\n`;
}

export function parseExportFile(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not valid JSON' };
  }
  if (!value || typeof value !== 'object' || (value as { kind?: unknown }).kind !== EXPORT_KIND) {
    return { ok: false, reason: 'the file is not a Backend Atlas progress export' };
  }
  return toProgress(value);
}
