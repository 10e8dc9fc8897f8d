/**
 * Resetting one roadmap's progress (the "Reset this roadmap" button, wired from roadmap-view.ts and loaded on first
 * use): a dialog says how many topics will be cleared and, when other roadmaps share some of them, asks whether to
 * clear those too (their status counts on every roadmap that has them); afterwards an Undo puts every cleared status
 * back. Notes and reviews are never touched; the roadmap no longer counts as started on /progress/ until Undo.
 */
import { type TopicState } from '../../lib/progress/progress-store.ts';
import { withRoadmapWorked, withTopicStates } from '../../lib/progress/progress-edits.ts';
import { fill, plural } from '../../core/format/fill.ts';
import { getProgress, saveProgress } from '../progress/progress.ts';
import { h } from '../dom.ts';
import { part } from '../parts.ts';
import type { MapModel } from './map-model.ts';
import type { RoadmapWords } from './roadmap-words.ts';

type RoadmapTopics = Record<string, { title: string; topics: string[] }>;

let dialog: HTMLDialogElement | undefined;

/** Other roadmaps that have each of `ids`, by title. */
async function otherRoadmaps(roadmapId: string, ids: string[]): Promise<Map<string, string[]> | undefined> {
  try {
    const all = (await (await fetch('/roadmaps/topics.json')).json()) as RoadmapTopics;
    const others = new Map<string, string[]>();
    for (const [id, roadmap] of Object.entries(all)) {
      if (id === roadmapId) continue;
      for (const topic of roadmap.topics)
        if (ids.includes(topic)) others.set(topic, [...(others.get(topic) ?? []), roadmap.title]);
    }
    return others;
  } catch {
    return undefined;
  }
}

/** The dialog's form: what a reset clears and, when other roadmaps share some of the topics, whether to clear those. */
function resetForm(map: MapModel, title: string, marked: string[], shared: Map<string, string[]>, words: RoadmapWords) {
  const form = h(
    'form',
    'space-y-3',
    { method: 'dialog' },
    h('h2', 'text-xl font-bold', { id: 'reset-title' }, fill(words.resetTitle, { title })),
    h('p', '', {}, plural(marked.length, words.resetOne, words.resetMany)),
  );
  const sharedIds = marked.filter((id) => shared.has(id));
  if (sharedIds.length > 0) form.append(sharedChoice(map, sharedIds, marked.length - sharedIds.length, shared, words));
  form.append(
    h(
      'div',
      'flex flex-wrap gap-2',
      {},
      h('button', 'btn btn-primary', { value: 'reset' }, words.reset),
      h('button', 'btn', { value: 'cancel' }, words.cancel),
    ),
  );
  return form;
}

/** Keep the topics other roadmaps share, or reset them too: `own` topics are on this roadmap alone. */
function sharedChoice(
  map: MapModel,
  sharedIds: string[],
  own: number,
  shared: Map<string, string[]>,
  words: RoadmapWords,
) {
  const one = sharedIds.length === 1;
  const choice = (value: string, text: string, checked: boolean) =>
    h(
      'label',
      'flex items-start gap-2',
      {},
      h('input', 'mt-1', { type: 'radio', name: 'shared', value, checked }),
      text,
    );
  return h(
    'fieldset',
    'space-y-2',
    {},
    h('legend', 'font-semibold', {}, one ? words.sharedOne : fill(words.sharedMany, { n: sharedIds.length })),
    h(
      'ul',
      'list-disc pl-5 text-sm',
      {},
      ...sharedIds.map((id) =>
        h(
          'li',
          '',
          {},
          fill(words.sharedTopic, {
            title: map.title(id),
            state: words.states[getProgress().topics[id]!],
            roadmaps: shared.get(id)!.join(', '),
          }),
        ),
      ),
    ),
    choice('keep', own === 0 ? words.keepAll : plural(own, words.keepOne, words.keepMany), true),
    choice('all', words.resetShared, false),
  );
}

/** Shows the dialog in `root`; resolves with whether the learner chose Reset (not when `signal` ends first). */
async function confirmReset(root: HTMLElement, form: HTMLFormElement, signal: AbortSignal): Promise<boolean> {
  dialog?.remove();
  const shown = h(
    'dialog',
    'm-auto max-w-lg rounded-lg border border-border bg-raised p-5 text-fg shadow-lg backdrop:bg-black/60',
    { 'aria-labelledby': 'reset-title' },
    form,
  );
  dialog = shown;
  root.append(shown);
  shown.showModal();
  await new Promise((done) => {
    shown.addEventListener('close', done, { once: true, signal });
    signal.addEventListener('abort', done, { once: true });
  });
  return !signal.aborted && shown.returnValue === 'reset';
}

/**
 * Asks, then resets; `announce` speaks the outcome. Resolves when the dialog closes. `signal` ends the dialog's and
 * the Undo button's listeners (the roadmap view's, which ends when it leaves the page).
 */
export async function resetRoadmap(
  root: HTMLElement,
  map: MapModel,
  roadmap: { id: string; title: string },
  announce: (message: string) => void,
  words: RoadmapWords,
  signal: AbortSignal,
) {
  const marked = map.topicIds.filter((id) => getProgress().topics[id]);
  if (marked.length === 0) return announce(words.nothingMarked);
  const shared = await otherRoadmaps(roadmap.id, marked);
  if (!shared) return announce(words.othersUnknown);
  const form = resetForm(map, roadmap.title, marked, shared, words);
  if (!(await confirmReset(root, form, signal))) return announce(words.resetCancelled);
  const keepShared = new FormData(form).get('shared') === 'keep';
  const cleared = keepShared ? marked.filter((id) => !shared.has(id)) : marked;
  if (cleared.length === 0) return announce(words.allKept);
  const before: Record<string, TopicState> = Object.fromEntries(cleared.map((id) => [id, getProgress().topics[id]!]));
  // A reset roadmap no longer counts as started; Undo gives it back its time.
  const worked = getProgress().roadmapTimes[roadmap.id];
  const reset = withTopicStates(getProgress(), Object.fromEntries(cleared.map((id) => [id, null])));
  saveProgress(withRoadmapWorked(reset, roadmap.id, null));
  const undo = () => {
    const back = withTopicStates(getProgress(), before);
    saveProgress(worked ? withRoadmapWorked(back, roadmap.id, new Date(worked)) : back);
    announce(plural(cleared.length, words.undoneOne, words.undoneMany));
  };
  const topics = plural(cleared.length, words.topicOne, words.topicMany);
  announce(showUndo(root, fill(words.resetDone, { title: roadmap.title, topics }), undo, words, signal));
}

/** A notice with an Undo button above the map, replacing an earlier one; it stays until used or the page is left. */
function showUndo(
  root: HTMLElement,
  message: string,
  undo: () => void,
  words: RoadmapWords,
  signal: AbortSignal,
): string {
  root.querySelector('[data-reset-undo]')?.remove();
  const button = h('button', 'btn', { type: 'button' }, words.undo);
  const bar = h(
    'div',
    'notice flex flex-wrap items-center gap-3',
    { 'data-reset-undo': true },
    h('p', '', {}, message),
    button,
  );
  const onClick = () => {
    bar.remove();
    undo();
  };
  button.addEventListener('click', onClick, { signal });
  part(root, '[data-notice]').after(bar);
  button.focus();
  return message;
}
