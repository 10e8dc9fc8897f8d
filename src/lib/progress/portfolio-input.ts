/**
 * A project's link and note as the learner types them on the project page (the tracker): kept, or refused with a
 * reason in their words. Apart from portfolio-entry.ts, which every page that reads progress loads, so those pages
 * carry the rules and not these sentences.
 */
import { MAX_PROJECT_NOTE, MAX_URL_LENGTH, readProjectUrl, type UrlFault } from './portfolio-entry.ts';

export type Checked = { ok: true; value: string } | { ok: false; message: string };

const URL_REFUSED: Record<Exclude<UrlFault, 'scheme'>, string> = {
  long: `That link is longer than ${MAX_URL_LENGTH} characters, so it was not saved.`,
  'not-url': 'That is not a complete web address: start it with https:// (for example https://github.com/you/project).',
  credentials: 'That link has a user name or password in it; remove them before saving it.',
};

/** A repository or demo link as typed: '' clears it; anything but a plain http(s) address is refused with a reason. */
export function checkProjectUrl(text: string): Checked {
  const read = readProjectUrl(text);
  if ('href' in read) return { ok: true, value: read.href };
  const message =
    read.fault === 'scheme'
      ? `A “${read.scheme}” link is refused: only web addresses starting with https:// or http:// are saved.`
      : URL_REFUSED[read.fault];
  return { ok: false, message };
}

/** A note as typed: kept as written, refused beyond MAX_PROJECT_NOTE characters. */
export function checkProjectNote(text: string): Checked {
  if (text.length > MAX_PROJECT_NOTE) {
    return {
      ok: false,
      message: `The note is limited to ${MAX_PROJECT_NOTE.toLocaleString('en')} characters; it has ${text.length.toLocaleString('en')}, so the last change was not saved.`,
    };
  }
  return { ok: true, value: text };
}
