/**
 * <atlas-topic-notes data-topic="…">: the learner's note on one topic. Saved through the progress store a moment after
 * typing stops, and at once when the field is left or the page hidden, so nothing typed is lost by leaving. A note
 * the store cannot hold (over a limit, or storage full) stays in the field, the reason is shown, and leaving the
 * page asks first.
 */
import type { Messages } from '../../i18n/dictionary/messages.ts';
import { AtlasElement, defineElement } from '../element.ts';
import { wordsOf } from '../words.ts';
import { MAX_TOPIC_NOTE } from '../../lib/progress/progress-store.ts';
import { noteRefusalText, saveNote } from '../../lib/progress/topic-notes.ts';
import { part } from '../parts.ts';
import { getProgress, onProgressChange, saveProgress } from '../progress/progress.ts';

const time = (date: Date) =>
  date.toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
const number = (n: number) => n.toLocaleString(document.documentElement.lang);
const keepOnLeave = (event: BeforeUnloadEvent) => event.preventDefault();

class TopicNotes extends AtlasElement {
  #id = '';
  /** Typed since the last save that the store accepted. */
  #pending = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #words = wordsOf<Messages['notes']>(this);

  get #field() {
    return part(this, '[data-note]', HTMLTextAreaElement);
  }

  protected connect(signal: AbortSignal) {
    this.#id = this.dataset.topic!;
    const field = this.#field;
    const save = () => this.#save();
    field.addEventListener('input', () => this.#typed(), { signal });
    field.addEventListener('focusout', save, { signal });
    addEventListener('pagehide', save, { signal });
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'hidden') save();
      },
      { signal },
    );
    onProgressChange(() => this.#render(), signal);
    this.#render();
    field.disabled = false;
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
  }

  /** What was typed is saved now, as when the page is hidden; then the listeners end. */
  override disconnectedCallback() {
    this.#save();
    super.disconnectedCallback();
  }

  #typed() {
    this.#pending = true;
    this.#state(this.#words.saving);
    this.#showCount();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#save(), 600);
  }

  #state(text: string) {
    part(this, '[data-state]').textContent = text;
  }

  #showCount() {
    part(this, '[data-count]').textContent = this.#words.count
      .replace('{n}', number(this.#field.value.length))
      .replace('{max}', number(MAX_TOPIC_NOTE));
  }

  /** Shows why the note is not saved ('' when it is), and asks before the page is left while it is not. */
  #settle(unsaved: string) {
    this.#field.toggleAttribute('aria-invalid', !!unsaved);
    part(this, '[data-problem]').textContent = unsaved;
    if (unsaved) addEventListener('beforeunload', keepOnLeave, { signal: this.signal });
    else removeEventListener('beforeunload', keepOnLeave);
  }

  #save() {
    clearTimeout(this.#timer);
    if (!this.#pending) return;
    const field = this.#field;
    const now = new Date();
    const result = saveNote(getProgress(), this.#id, field.value, now);
    if (!result.ok) {
      this.#state(this.#words.notSaved);
      this.#settle(this.#words.refused.replace('{reason}', noteRefusalText(result.refusal, this.#words, number)));
      return;
    }
    this.#pending = false;
    if (!saveProgress(result.progress)) {
      this.#pending = true;
      this.#state(this.#words.notSaved);
      this.#settle(this.#words.blocked);
      return;
    }
    this.#state(field.value.trim() ? this.#words.savedAt.replace('{time}', time(now)) : this.#words.empty);
    this.#settle('');
  }

  #render() {
    // Never overwrite what the learner is typing; take changes from another tab or an import otherwise.
    if (this.#pending || document.activeElement === this.#field) return;
    const note = getProgress().notes[this.#id];
    this.#field.value = note?.text ?? '';
    this.#state(
      note
        ? this.#words.edited.replace(
            '{when}',
            new Date(note.updated).toLocaleString(document.documentElement.lang, {
              dateStyle: 'medium',
              timeStyle: 'short',
            }),
          )
        : this.#words.none,
    );
    this.#showCount();
  }
}

defineElement('topic-notes', TopicNotes);
