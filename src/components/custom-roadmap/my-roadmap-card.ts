/**
 * One card of <atlas-my-roadmaps> (my-roadmaps.ts): a learner's roadmap with its progress, the link that opens it (or the
 * rename form in its place), Edit, Rename and Delete; or, for a roadmap that cannot be read, what happened and
 * Delete. Buttons carry data-my-action and data-id for the list's one click handler. All text goes in as text.
 */
import { formatLocalDay } from '../../core/format/format.ts';
import { type Catalog, currentOutline } from '../../lib/custom-roadmap/catalog.ts';
import { type CustomRoadmap, LIMITS, usableRoadmap } from '../../lib/custom-roadmap/model.ts';
import type { SavedRoadmap } from '../../lib/custom-roadmap/saved.ts';
import type { TopicState } from '../../lib/progress/progress-store.ts';
import { roadmapProgress } from '../../lib/roadmap/roadmap-progress.ts';
import { h } from '../dom.ts';
import { count } from '../../core/format/words.ts';

/** What a card needs besides its roadmap: the catalog (undefined offline), the learner's states, the link maker. */
export interface CardContext {
  catalog: Catalog | undefined;
  topics: Record<string, TopicState>;
  /** The roadmap whose title is being renamed, if one is. */
  renaming: string | undefined;
  link: (roadmap: CustomRoadmap) => Promise<string>;
}

const actionButton = (action: string, id: string, label: string, text: string, className = 'btn') =>
  h('button', className, { type: 'button', 'data-my-action': action, 'data-id': id, 'aria-label': label }, text);

export async function roadmapCard(id: string, saved: SavedRoadmap, context: CardContext): Promise<HTMLElement> {
  const roadmap = usableRoadmap(saved);
  const remove = actionButton(
    'delete',
    id,
    `Delete ${roadmap?.title ?? saved.roadmap.title}`,
    'Delete',
    'btn btn-quiet',
  );
  if (!roadmap) return unreadableCard(id, saved, remove);
  // Topics renamed since a roadmap was made count under their current id; removed ones do not count (as on its
  // page). Offline with no catalog yet: the roadmap's own ids, as written.
  const outline = context.catalog
    ? currentOutline(roadmap, context.catalog)
    : roadmap.stages.map((s, i) => ({
        id: String(i),
        topics: s.items.flatMap((item) => (item.kind === 'topic' ? [item] : [])),
      }));
  const p = roadmapProgress(outline, context.topics);
  const title =
    context.renaming === id
      ? renameForm(id, roadmap.title)
      : h('a', 'card-title', { href: await context.link(roadmap) }, roadmap.title);
  const topicCount = outline.reduce((n, stage) => n + stage.topics.length, 0);
  return h(
    'li',
    'card flex flex-col gap-2',
    { 'data-my-roadmap': id },
    title,
    h(
      'p',
      'text-sm text-muted',
      {},
      `${saved.origin === 'made' ? 'Made by you' : 'Opened from a link'} · ${count(topicCount, 'topic')} · changed ${formatLocalDay(saved.updated)}`,
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
      actionButton('rename', id, `Rename ${roadmap.title}`, 'Rename'),
      remove,
    ),
  );
}

/** A roadmap that cannot be read is kept as it was, not dropped: the learner decides (it may come from a newer version of the site). */
function unreadableCard(id: string, saved: SavedRoadmap, remove: HTMLElement) {
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

/** The title as a form to rename it in place. */
function renameForm(id: string, title: string) {
  return h(
    'form',
    'flex flex-wrap gap-2',
    { 'data-id': id },
    h('label', 'sr-only', { for: `rename-${id}` }, 'New title'),
    h('input', 'min-w-0 flex-1 rounded-md border border-border-strong bg-raised px-2 py-1', {
      id: `rename-${id}`,
      name: 'title',
      value: title,
      maxlength: LIMITS.title,
      required: true,
    }),
    h('button', 'btn', { type: 'submit' }, 'Save'),
  );
}
