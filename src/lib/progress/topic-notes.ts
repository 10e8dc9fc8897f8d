/**
 * The learner's notes on topics, kept in the progress store (`notes`): saving one note within the store's bounds
 * (MAX_TOPIC_NOTE characters a note, MAX_NOTES_TOTAL in all). Pure; used by the note field on topic pages.
 * A refused note is never cut short here: the caller keeps the text where the learner typed it.
 */
import { fill } from '../../core/format/fill.ts';
import { FORMAT_VERSION, MAX_NOTES_TOTAL, MAX_TOPIC_NOTE, type Progress } from './progress-store.ts';

/** Why a note cannot be stored, with the figures the learner is told. */
export type NoteRefusal =
  | { kind: 'tooLong'; length: number; max: number; over: number }
  | { kind: 'tooMuch'; total: number; max: number; over: number };
export type NoteSave = { ok: true; progress: Progress } | { ok: false; refusal: NoteRefusal };

/**
 * A refusal in words: the dictionary's `notes.tooLong` or `notes.tooMuch` (src/i18n/dictionary/), whose {names} are
 * filled with the figures written by `number` (the page's language's way).
 */
export function noteRefusalText(
  refusal: NoteRefusal,
  words: { tooLong: string; tooMuch: string },
  number: (n: number) => string,
): string {
  const { kind, ...figures } = refusal;
  return fill(words[kind], Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, number(v)])));
}

/** Characters held by every note but the one on `topicId`. */
function otherNotes(notes: Progress['notes'], topicId: string): number {
  let total = 0;
  for (const [id, note] of Object.entries(notes)) if (id !== topicId) total += note.text.length;
  return total;
}

/**
 * New progress with the note on one topic set to `text` (blank text removes the note), or why it cannot be
 * stored: too long on its own, or too much with the learner's other notes.
 */
export function saveNote(progress: Progress, topicId: string, text: string, now: Date): NoteSave {
  if (text.length > MAX_TOPIC_NOTE) {
    return {
      ok: false,
      refusal: { kind: 'tooLong', length: text.length, max: MAX_TOPIC_NOTE, over: text.length - MAX_TOPIC_NOTE },
    };
  }
  const others = otherNotes(progress.notes, topicId);
  if (others + text.length > MAX_NOTES_TOTAL) {
    const over = others + text.length - MAX_NOTES_TOTAL;
    return { ok: false, refusal: { kind: 'tooMuch', total: others + text.length, max: MAX_NOTES_TOTAL, over } };
  }
  const notes = { ...progress.notes };
  if (text.trim()) notes[topicId] = { text, updated: now.toISOString() };
  else delete notes[topicId];
  return { ok: true, progress: { ...progress, version: FORMAT_VERSION, notes } };
}
