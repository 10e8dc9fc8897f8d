/**
 * The learner's notes on topics, kept in the progress store (`notes`): saving one note within the store's bounds
 * (MAX_TOPIC_NOTE characters a note, MAX_NOTES_TOTAL in all). Pure; used by the note field on topic pages.
 * A refused note is never cut short here: the caller keeps the text where the learner typed it.
 */
import { FORMAT_VERSION, MAX_NOTES_TOTAL, MAX_TOPIC_NOTE, type Progress } from './progress-store.ts';

export type NoteSave = { ok: true; progress: Progress } | { ok: false; message: string };

const count = (n: number) => n.toLocaleString('en');

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
      message: `this note has ${count(text.length)} characters and one note holds at most ${count(MAX_TOPIC_NOTE)}. Shorten it by ${count(text.length - MAX_TOPIC_NOTE)} and it saves again.`,
    };
  }
  const others = otherNotes(progress.notes, topicId);
  if (others + text.length > MAX_NOTES_TOTAL) {
    const over = others + text.length - MAX_NOTES_TOTAL;
    return {
      ok: false,
      message: `all your notes together would hold ${count(others + text.length)} characters, over the ${count(MAX_NOTES_TOTAL)} this browser keeps. Shorten this note or another one by ${count(over)} (your notes are listed on the progress page).`,
    };
  }
  const notes = { ...progress.notes };
  if (text.trim()) notes[topicId] = { text, updated: now.toISOString() };
  else delete notes[topicId];
  return { ok: true, progress: { ...progress, version: FORMAT_VERSION, notes } };
}
