/**
 * Resetting one roadmap's progress (the "Reset this roadmap" button, wired from roadmap-view.ts and loaded on first
 * use): a dialog says how many topics will be cleared and, when other roadmaps share some of them, asks whether to
 * clear those too (their status counts on every roadmap that has them); afterwards an Undo puts every cleared status
 * back. Notes and reviews are never touched.
 */
import { type TopicState } from '../../lib/progress/progress-store.ts';
import { withTopicStates } from '../../lib/progress/progress-edits.ts';
import { getProgress, saveProgress, STATE_LABEL } from '../progress/progress.ts';
import type { MapModel } from './map-model.ts';

type RoadmapTopics = Record<string, { title: string; topics: string[] }>;

let dialog: HTMLDialogElement | undefined;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

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

/** Asks, then resets; `announce` speaks the outcome. Resolves when the dialog closes. */
export async function resetRoadmap(
  root: HTMLElement,
  map: MapModel,
  roadmap: { id: string; title: string },
  announce: (message: string) => void,
) {
  const marked = map.topicIds.filter((id) => getProgress().topics[id]);
  if (marked.length === 0) return announce('Nothing to reset: no topic on this roadmap is marked.');
  const shared = await otherRoadmaps(roadmap.id, marked);
  if (!shared) return announce('The other roadmaps could not be checked (are you offline?), so nothing was reset.');

  dialog?.remove();
  dialog = element(
    'dialog',
    'm-auto max-w-lg rounded-lg border border-border bg-raised p-5 text-fg shadow-lg backdrop:bg-black/60',
  );
  dialog.setAttribute('aria-labelledby', 'reset-title');
  const form = element('form', 'space-y-3');
  form.method = 'dialog';
  form.append(
    Object.assign(element('h2', 'text-xl font-bold', `Reset your progress on ${roadmap.title}?`), {
      id: 'reset-title',
    }),
    element(
      'p',
      '',
      `${marked.length} ${marked.length === 1 ? 'topic is' : 'topics are'} marked here. Their status goes back to not started; your notes and reviews are kept. You can undo this afterwards.`,
    ),
  );
  const sharedIds = marked.filter((id) => shared.has(id));
  const own = marked.length - sharedIds.length;
  if (sharedIds.length > 0) {
    const fieldset = element('fieldset', 'space-y-2');
    fieldset.append(
      element(
        'legend',
        'font-semibold',
        `${sharedIds.length} of them ${sharedIds.length === 1 ? 'is' : 'are'} also on other roadmaps, where ${sharedIds.length === 1 ? 'its' : 'their'} status counts too:`,
      ),
    );
    const list = element('ul', 'list-disc pl-5 text-sm');
    for (const id of sharedIds)
      list.append(
        element(
          'li',
          '',
          `${map.title(id)} (${STATE_LABEL[getProgress().topics[id]!]}): also on ${shared.get(id)!.join(', ')}`,
        ),
      );
    fieldset.append(list);
    for (const [value, text, checked] of [
      [
        'keep',
        own === 0
          ? 'Keep them (nothing else is marked here)'
          : `Keep them, and reset only the ${own === 1 ? 'topic' : `${own} topics`} no other roadmap has`,
        true,
      ],
      ['all', 'Reset them too, on every roadmap', false],
    ] as const) {
      const label = element('label', 'flex items-start gap-2');
      const radio = Object.assign(element('input', 'mt-1'), { type: 'radio', name: 'shared', value, checked });
      label.append(radio, text);
      fieldset.append(label);
    }
    form.append(fieldset);
  }
  const buttons = element('div', 'flex flex-wrap gap-2');
  buttons.append(
    Object.assign(element('button', 'btn btn-primary', 'Reset'), { value: 'reset' }),
    Object.assign(element('button', 'btn', 'Cancel'), { value: 'cancel' }),
  );
  form.append(buttons);
  dialog.append(form);
  root.append(dialog);
  dialog.showModal();

  await new Promise((done) => dialog!.addEventListener('close', done, { once: true }));
  if (dialog.returnValue !== 'reset') return announce('Reset cancelled; nothing changed.');
  const keepShared = new FormData(form).get('shared') === 'keep';
  const cleared = keepShared ? marked.filter((id) => !shared.has(id)) : marked;
  if (cleared.length === 0)
    return announce(
      'Nothing was reset: every marked topic is shared with another roadmap and you chose to keep those.',
    );
  const before: Record<string, TopicState> = Object.fromEntries(cleared.map((id) => [id, getProgress().topics[id]!]));
  saveProgress(withTopicStates(getProgress(), Object.fromEntries(cleared.map((id) => [id, null]))));
  announce(
    showUndo(
      root,
      `Progress on ${roadmap.title} reset: ${cleared.length} ${cleared.length === 1 ? 'topic' : 'topics'} cleared.`,
      () => {
        saveProgress(withTopicStates(getProgress(), before));
        announce(
          `Undone: ${cleared.length} ${cleared.length === 1 ? 'topic has its status' : 'topics have their status'} back.`,
        );
      },
    ),
  );
}

/** A notice with an Undo button above the map, replacing an earlier one; it stays until used or the page is left. */
function showUndo(root: HTMLElement, message: string, undo: () => void): string {
  root.querySelector('[data-reset-undo]')?.remove();
  const bar = element('div', 'notice flex flex-wrap items-center gap-3');
  bar.dataset.resetUndo = '';
  const text = element('p', '', message);
  const button = element('button', 'btn', 'Undo');
  button.type = 'button';
  button.addEventListener('click', () => {
    bar.remove();
    undo();
  });
  bar.append(text, button);
  root.querySelector('[data-notice]')!.after(bar);
  button.focus();
  return message;
}
