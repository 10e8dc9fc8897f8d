/** <atlas-my-notes>: the learner's notes from local progress, newest first, and all of them as one Markdown file. */
import { AtlasElement, defineElement } from '../element.ts';
import { notesMarkdown } from '../../lib/progress/notes-markdown.ts';
import type { TopicNote } from '../../lib/progress/progress-store.ts';
import type { TopicIndex } from '../../lib/content/topic-index.ts';
import { jsonPart, part } from '../parts.ts';
import { downloadText } from '../progress/download.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';
import { count } from '../../core/format/words.ts';

/** Characters of a note shown in the list; the whole note is on its topic page and in the download. */
const EXCERPT = 600;

/** One note's card, from the section's template: its topic, where that topic is, when it was edited, its text. */
function noteCard(template: HTMLTemplateElement, index: TopicIndex, id: string, note: TopicNote) {
  const item = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
  const title = part(item, '[data-title]', HTMLAnchorElement);
  title.textContent = index.titles[id] ?? id;
  if (index.titles[id]) title.href = `/topics/${id}/#your-notes`;
  const roadmaps = index.roadmaps.filter((r) => r.topics.includes(id)).map((r) => r.title);
  const where = index.titles[id] ? (roadmaps.length ? `on ${roadmaps.join(', ')}` : '') : 'no longer on the site';
  part(item, '[data-meta]').textContent = [`edited ${note.updated.slice(0, 10)}`, where].filter(Boolean).join(' · ');
  // Text only, never HTML: a note shows exactly as typed.
  const more = note.text.length - EXCERPT;
  part(item, '[data-text]').textContent =
    more > 0
      ? `${note.text.slice(0, EXCERPT)}… (${more.toLocaleString('en')} more characters on the topic page)`
      : note.text;
  return item;
}

class MyNotes extends AtlasElement {
  #index: TopicIndex = { titles: {}, roadmaps: [] };

  protected connect(signal: AbortSignal) {
    this.#index = jsonPart<TopicIndex>(this, '[data-index]');
    const download = part(this, '[data-download]', HTMLButtonElement);
    download.addEventListener('click', () => this.#download(), { signal });
    download.disabled = false;
    onProgressChange(() => this.#render(), signal);
    this.#render();
  }

  #render() {
    const notes = Object.entries(getProgress().notes).sort(([, a], [, b]) => (a.updated < b.updated ? 1 : -1));
    const total = notes.reduce((n, [, note]) => n + note.text.length, 0);
    const template = part(this, 'template', HTMLTemplateElement);
    part(this, '[data-empty]').hidden = notes.length > 0;
    part(this, '[data-summary]').textContent = notes.length
      ? `${count(notes.length, 'note')}, ${total.toLocaleString('en')} characters.`
      : '';
    part(this, '[data-list]').replaceChildren(...notes.map(([id, note]) => noteCard(template, this.#index, id, note)));
  }

  #download() {
    const notes = getProgress().notes;
    const markdown = notesMarkdown(notes, this.#index, location.origin, new Date());
    downloadText(`backend-atlas-notes-${new Date().toISOString().slice(0, 10)}.md`, markdown, 'text/markdown');
    const n = Object.keys(notes).length;
    part(this, '[data-notes-notice]').textContent = `Downloaded ${count(n, 'note')} as Markdown.`;
  }
}

defineElement('my-notes', MyNotes);
