/**
 * <atlas-my-roadmaps>: the learner's own roadmaps on /progress/, each a card with its progress, a link that opens it,
 * Edit, Rename (in place) and Delete — which an Undo puts back exactly as it was, until the next delete.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { loadCatalog } from '../../lib/custom-roadmap/catalog.ts';
import { type CustomRoadmap, LIMITS, plainText } from '../../lib/custom-roadmap/model.ts';
import type { SavedRoadmap } from '../../lib/custom-roadmap/saved.ts';
import { part } from '../parts.ts';
import { getProgress, onProgressChange, saveProgress } from '../progress/progress.ts';
import { roadmapCard } from './my-roadmap-card.ts';

class MyRoadmaps extends AtlasElement {
  #deleted: { id: string; saved: SavedRoadmap } | undefined;

  protected connect(signal: AbortSignal) {
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('[data-my-action]');
      if (button) this.#act(button.dataset.myAction!, button.dataset.id!);
    };
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      this.#rename(form.dataset.id!, new FormData(form).get('title') as string);
    };
    this.addEventListener('click', onClick, { signal });
    this.addEventListener('submit', onSubmit, { signal });
    part(this, '[data-my-undo-button]', HTMLButtonElement).addEventListener('click', () => this.#undo(), { signal });
    onProgressChange(() => void this.#render(), signal);
    void this.#render();
  }

  async #render(renaming?: string) {
    const { roadmaps, topics } = getProgress();
    const entries = Object.entries(roadmaps).sort(([, a], [, b]) => b.updated.localeCompare(a.updated));
    part(this, '[data-my-empty]').hidden = entries.length > 0;
    // The link codec loads with the first roadmap to list, not with the page.
    const roadmapLink = entries.length
      ? (await import('../../lib/custom-roadmap/roadmap-link.ts')).roadmapLink
      : undefined;
    const catalog = entries.length ? await loadCatalog().catch(() => undefined) : undefined;
    const link = (roadmap: CustomRoadmap) => roadmapLink!(location.origin, roadmap);
    const context = { catalog, topics, renaming, link };
    const cards = await Promise.all(entries.map(([id, saved]) => roadmapCard(id, saved, context)));
    part(this, '[data-my-list]').replaceChildren(...cards);
    if (renaming) this.querySelector<HTMLInputElement>(`#rename-${CSS.escape(renaming)}`)?.focus();
  }

  #act(action: string, id: string) {
    const progress = getProgress();
    const saved = progress.roadmaps[id];
    if (!saved) return;
    if (action === 'rename') return void this.#render(id);
    if (action === 'delete') {
      const { [id]: _, ...rest } = progress.roadmaps;
      this.#deleted = { id, saved };
      saveProgress({ ...progress, roadmaps: rest });
      part(this, '[data-my-undo-text]').textContent = `“${String(saved.roadmap.title)}” deleted from this browser.`;
      part(this, '[data-my-undo]').hidden = false;
      part(this, '[data-my-undo-button]').focus();
    }
  }

  #rename(id: string, title: string) {
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
    this.#announce(`Renamed to “${clean}”.`);
    void this.#render().then(() =>
      this.querySelector<HTMLElement>(`[data-my-roadmap="${CSS.escape(id)}"] .card-title`)?.focus(),
    );
  }

  #undo() {
    if (!this.#deleted) return;
    const progress = getProgress();
    const { id, saved } = this.#deleted;
    this.#deleted = undefined;
    saveProgress({ ...progress, roadmaps: { ...progress.roadmaps, [id]: saved } });
    part(this, '[data-my-undo]').hidden = true;
    this.#announce(`“${saved.roadmap.title}” is back.`);
  }

  #announce(message: string) {
    part(this, '[data-my-announce]').textContent = message;
  }
}

defineElement('my-roadmaps', MyRoadmaps);
