/** <my-notes>: the learner's notes from local progress, newest first, and all of them as one Markdown file. */
import { notesMarkdown } from '../../lib/progress/notes-markdown.ts';
import type { TopicIndex } from '../../lib/content/topic-index.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';

/** Characters of a note shown in the list; the whole note is on its topic page and in the download. */
const EXCERPT = 600;

class MyNotes extends HTMLElement {
  connectedCallback() {
    const index = JSON.parse(this.querySelector('[data-index]')!.textContent!) as TopicIndex;
    const list = this.querySelector('[data-list]')!;
    const template = this.querySelector('template')!;
    const notice = this.querySelector('[data-notes-notice]')!;
    const onRoadmaps = (id: string) => index.roadmaps.filter((r) => r.topics.includes(id)).map((r) => r.title);

    const render = () => {
      const notes = Object.entries(getProgress().notes).sort(([, a], [, b]) => (a.updated < b.updated ? 1 : -1));
      const total = notes.reduce((n, [, note]) => n + note.text.length, 0);
      this.querySelector<HTMLElement>('[data-empty]')!.hidden = notes.length > 0;
      this.querySelector('[data-summary]')!.textContent = notes.length
        ? `${notes.length} note${notes.length === 1 ? '' : 's'}, ${total.toLocaleString('en')} characters.`
        : '';
      list.replaceChildren(
        ...notes.map(([id, note]) => {
          const item = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
          const title = item.querySelector<HTMLAnchorElement>('[data-title]')!;
          title.textContent = index.titles[id] ?? id;
          if (index.titles[id]) title.href = `/topics/${id}/#your-notes`;
          const roadmaps = onRoadmaps(id);
          const where = index.titles[id]
            ? roadmaps.length
              ? `on ${roadmaps.join(', ')}`
              : ''
            : 'no longer on the site';
          item.querySelector('[data-meta]')!.textContent = [`edited ${note.updated.slice(0, 10)}`, where]
            .filter(Boolean)
            .join(' · ');
          // Text only, never HTML: a note shows exactly as typed.
          const more = note.text.length - EXCERPT;
          item.querySelector('[data-text]')!.textContent =
            more > 0
              ? `${note.text.slice(0, EXCERPT)}… (${more.toLocaleString('en')} more characters on the topic page)`
              : note.text;
          return item;
        }),
      );
    };

    const download = this.querySelector<HTMLButtonElement>('[data-download]')!;
    download.addEventListener('click', () => {
      const notes = getProgress().notes;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(
        new Blob([notesMarkdown(notes, index, location.origin, new Date())], { type: 'text/markdown' }),
      );
      link.download = `backend-atlas-notes-${new Date().toISOString().slice(0, 10)}.md`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      const n = Object.keys(notes).length;
      notice.textContent = `Downloaded ${n} note${n === 1 ? '' : 's'} as Markdown.`;
    });
    download.disabled = false;
    onProgressChange(render);
    render();
  }
}

customElements.define('my-notes', MyNotes);
