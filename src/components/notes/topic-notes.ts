/**
 * <topic-notes data-topic="…">: the learner's note on one topic. Saved through the progress store a moment after
 * typing stops, and at once when the field is left or the page hidden, so nothing typed is lost by leaving. A note
 * the store cannot hold (over a limit, or storage full) stays in the field, the reason is shown, and leaving the
 * page asks first.
 */
import { MAX_TOPIC_NOTE } from '../../lib/progress/progress-store.ts';
import { saveNote } from '../../lib/progress/topic-notes.ts';
import { getProgress, onProgressChange, saveProgress } from '../progress/progress.ts';

const time = (date: Date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const keepOnLeave = (event: BeforeUnloadEvent) => event.preventDefault();

class TopicNotes extends HTMLElement {
  connectedCallback() {
    const id = this.dataset.topic!;
    const field = this.querySelector<HTMLTextAreaElement>('[data-note]')!;
    const state = this.querySelector('[data-state]')!;
    const problem = this.querySelector('[data-problem]')!;
    const count = this.querySelector('[data-count]')!;
    const stored = () => getProgress().notes[id];
    /** Typed since the last save that the store accepted. */
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const showCount = () => {
      count.textContent = `${field.value.length.toLocaleString('en')} of ${MAX_TOPIC_NOTE.toLocaleString('en')} characters`;
    };
    const settle = (unsaved: string) => {
      field.toggleAttribute('aria-invalid', !!unsaved);
      problem.textContent = unsaved;
      if (unsaved) addEventListener('beforeunload', keepOnLeave);
      else removeEventListener('beforeunload', keepOnLeave);
    };

    const save = () => {
      clearTimeout(timer);
      if (!pending) return;
      const now = new Date();
      const result = saveNote(getProgress(), id, field.value, now);
      if (!result.ok) {
        state.textContent = 'Not saved';
        settle(`Not saved: ${result.message} Your text stays in the field until then.`);
        return;
      }
      pending = false;
      if (!saveProgress(result.progress)) {
        pending = true;
        state.textContent = 'Not saved';
        settle(
          'Not saved: this browser would not store it (storage is full or blocked). Your text stays in the field; copy it somewhere safe before you leave.',
        );
        return;
      }
      state.textContent = field.value.trim() ? `Saved at ${time(now)}` : 'Empty: no note kept';
      settle('');
    };

    const render = () => {
      // Never overwrite what the learner is typing; take changes from another tab or an import otherwise.
      if (pending || document.activeElement === field) return;
      const note = stored();
      field.value = note?.text ?? '';
      state.textContent = note
        ? `Saved · last edited ${new Date(note.updated).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}`
        : 'No note yet';
      showCount();
    };

    field.addEventListener('input', () => {
      pending = true;
      state.textContent = 'Saving when you pause…';
      showCount();
      clearTimeout(timer);
      timer = setTimeout(save, 600);
    });
    field.addEventListener('focusout', save);
    addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') save();
    });
    onProgressChange(render);
    render();
    field.disabled = false;
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
  }
}

customElements.define('topic-notes', TopicNotes);
