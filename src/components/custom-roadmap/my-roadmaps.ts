/**
 * <my-roadmaps>: the learner's own roadmaps on /progress/, each a card with its progress, a link that opens it,
 * Edit, Rename (in place) and Delete — which an Undo puts back exactly as it was, until the next delete.
 */
import { formatLocalDay } from '../../lib/format/format.ts';
import { currentOutline, loadCatalog } from '../../lib/custom-roadmap/catalog.ts';
import { LIMITS, plainText, usableRoadmap } from '../../lib/custom-roadmap/model.ts';
import type { SavedRoadmap } from '../../lib/custom-roadmap/saved.ts';
import { roadmapProgress } from '../../lib/roadmap/roadmap-progress.ts';
import { getProgress, onProgressChange, saveProgress } from '../progress/progress.ts';
import { h } from '../dom.ts';

class MyRoadmaps extends HTMLElement {
  private deleted: { id: string; saved: SavedRoadmap } | undefined;

  connectedCallback() {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('[data-my-action]');
      if (button) this.act(button.dataset.myAction!, button.dataset.id!);
    });
    this.addEventListener('submit', (event) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      this.rename(form.dataset.id!, new FormData(form).get('title') as string);
    });
    this.querySelector('[data-my-undo-button]')!.addEventListener('click', () => this.undo());
    onProgressChange(() => void this.render());
    void this.render();
  }

  private async render(renaming?: string) {
    const { roadmaps, topics } = getProgress();
    const entries = Object.entries(roadmaps).sort(([, a], [, b]) => b.updated.localeCompare(a.updated));
    this.querySelector<HTMLElement>('[data-my-empty]')!.hidden = entries.length > 0;
    // The link codec loads with the first roadmap to list, not with the page.
    const roadmapLink = entries.length
      ? (await import('../../lib/custom-roadmap/roadmap-link.ts')).roadmapLink
      : undefined;
    // Topics renamed since a roadmap was made count under their current id; removed ones do not count (as on its page).
    const catalog = entries.length ? await loadCatalog().catch(() => undefined) : undefined;
    const cards = await Promise.all(
      entries.map(async ([id, saved]) => {
        const roadmap = usableRoadmap(saved);
        const remove = h(
          'button',
          'btn btn-quiet',
          {
            type: 'button',
            'data-my-action': 'delete',
            'data-id': id,
            'aria-label': `Delete ${roadmap?.title ?? saved.roadmap.title}`,
          },
          'Delete',
        );
        if (!roadmap) {
          // Kept as it was, not dropped: the learner decides (it may come from a newer version of the site).
          return h(
            'li',
            'card flex flex-col gap-2',
            { 'data-my-roadmap': id },
            h('p', 'font-semibold', {}, String(saved.roadmap.title).slice(0, LIMITS.title)),
            h(
              'p',
              'text-sm text-muted',
              {},
              'This roadmap could not be read: it may come from a newer version of the site or a damaged file. It stays in your exports until you delete it.',
            ),
            h('div', '', {}, remove),
          );
        }
        // Offline with no catalog yet: the roadmap's own ids, as written.
        const outline = catalog
          ? currentOutline(roadmap, catalog)
          : roadmap.stages.map((s, i) => ({
              id: String(i),
              topics: s.items.flatMap((item) => (item.kind === 'topic' ? [item] : [])),
            }));
        const p = roadmapProgress(outline, topics);
        const title =
          renaming === id
            ? h(
                'form',
                'flex flex-wrap gap-2',
                { 'data-id': id },
                h('label', 'sr-only', { for: `rename-${id}` }, 'New title'),
                h('input', 'min-w-0 flex-1 rounded-md border border-border-strong bg-raised px-2 py-1', {
                  id: `rename-${id}`,
                  name: 'title',
                  value: roadmap.title,
                  maxlength: LIMITS.title,
                  required: true,
                }),
                h('button', 'btn', { type: 'submit' }, 'Save'),
              )
            : h('a', 'card-title', { href: await roadmapLink!(location.origin, roadmap) }, roadmap.title);
        return h(
          'li',
          'card flex flex-col gap-2',
          { 'data-my-roadmap': id },
          title,
          h(
            'p',
            'text-sm text-muted',
            {},
            `${saved.origin === 'made' ? 'Made by you' : 'Opened from a link'} · ${outline.reduce((n, stage) => n + stage.topics.length, 0)} topics · changed ${formatLocalDay(saved.updated)}`,
          ),
          h('progress', 'block w-full', {
            value: p.finished,
            max: Math.max(p.total, 1),
            'aria-label': `Progress on ${roadmap.title}`,
          }),
          h('p', 'text-sm', {}, `${p.finished} of ${p.total} required finished · ${p.learning} learning`),
          h(
            'div',
            'flex flex-wrap gap-2',
            {},
            h(
              'a',
              'btn',
              { href: `/roadmaps/new/?edit=${id}`, 'aria-label': `Edit ${roadmap.title}` },
              saved.origin === 'made' ? 'Edit' : 'Edit a copy',
            ),
            h(
              'button',
              'btn',
              { type: 'button', 'data-my-action': 'rename', 'data-id': id, 'aria-label': `Rename ${roadmap.title}` },
              'Rename',
            ),
            remove,
          ),
        );
      }),
    );
    this.querySelector('[data-my-list]')!.replaceChildren(...cards);
    if (renaming) this.querySelector<HTMLInputElement>(`#rename-${CSS.escape(renaming)}`)?.focus();
  }

  private act(action: string, id: string) {
    const progress = getProgress();
    const saved = progress.roadmaps[id];
    if (!saved) return;
    if (action === 'rename') return void this.render(id);
    if (action === 'delete') {
      const { [id]: _, ...rest } = progress.roadmaps;
      this.deleted = { id, saved };
      saveProgress({ ...progress, roadmaps: rest });
      this.querySelector('[data-my-undo-text]')!.textContent =
        `“${String(saved.roadmap.title)}” deleted from this browser.`;
      this.querySelector<HTMLElement>('[data-my-undo]')!.hidden = false;
      this.querySelector<HTMLElement>('[data-my-undo-button]')!.focus();
    }
  }

  private rename(id: string, title: string) {
    const progress = getProgress();
    const saved = progress.roadmaps[id];
    const clean = plainText(title).slice(0, LIMITS.title);
    if (!saved || !clean) return;
    saveProgress({
      ...progress,
      roadmaps: {
        ...progress.roadmaps,
        [id]: { ...saved, roadmap: { ...saved.roadmap, title: clean }, updated: new Date().toISOString() },
      },
    });
    this.announce(`Renamed to “${clean}”.`);
    void this.render().then(() =>
      this.querySelector<HTMLElement>(`[data-my-roadmap="${CSS.escape(id)}"] .card-title`)?.focus(),
    );
  }

  private undo() {
    if (!this.deleted) return;
    const progress = getProgress();
    const { id, saved } = this.deleted;
    this.deleted = undefined;
    saveProgress({ ...progress, roadmaps: { ...progress.roadmaps, [id]: saved } });
    this.querySelector<HTMLElement>('[data-my-undo]')!.hidden = true;
    this.announce(`“${saved.roadmap.title}” is back.`);
  }

  private announce(message: string) {
    this.querySelector('[data-my-announce]')!.textContent = message;
  }
}

customElements.define('my-roadmaps', MyRoadmaps);
