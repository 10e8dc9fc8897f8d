/**
 * What a click on one of the builder's buttons does (roadmap-builder.ts): the edit of the roadmap
 * (src/lib/custom-roadmap/edit.ts), what to announce and which control gets the focus, or which of the link tools
 * to run. `ask` puts a yes/no question to the learner (removing a stage with items in it).
 */
import type { Catalog } from '../../lib/custom-roadmap/catalog.ts';
import * as edit from '../../lib/custom-roadmap/edit.ts';
import type { CustomRoadmap } from '../../lib/custom-roadmap/model.ts';
import { itemTitle } from './builder-view.ts';
import { count } from '../../core/format/words.ts';

export type ClickResult =
  | { next: CustomRoadmap; message?: string | undefined; focus?: string | undefined }
  | { tool: 'open' | 'copy' | 'download' }
  | undefined;

const edited = (next: CustomRoadmap, message?: string, focus?: string): ClickResult => ({ next, message, focus });

export function clickAction(
  r: CustomRoadmap,
  catalog: Catalog,
  target: HTMLElement,
  ask: (question: string) => boolean,
): ClickResult {
  const action = target.dataset.action;
  if (action === 'open' || action === 'copy' || action === 'download') return { tool: action };
  return itemAction(r, catalog, target) ?? stageAction(r, target, ask);
}

/** Moving, removing or adding a topic, or acting on a prerequisite hint. */
function itemAction(r: CustomRoadmap, catalog: Catalog, target: HTMLElement): ClickResult {
  const stage = Number(target.dataset.stage);
  const index = Number(target.dataset.index);
  const title = (at: edit.At) => itemTitle(r.stages[at.stage]!.items[at.index]!, catalog);
  switch (target.dataset.action) {
    case 'item-up':
    case 'item-down': {
      const moved = edit.moveItem(r, { stage, index }, target.dataset.action === 'item-up' ? -1 : 1);
      const where = `stage ${moved.at.stage + 1}, position ${moved.at.index + 1}`;
      return edited(
        moved.roadmap,
        `${title({ stage, index })}: ${where}.`,
        `${target.dataset.action}:${moved.at.stage}:${moved.at.index}`,
      );
    }
    case 'item-remove':
      return edited(edit.removeItem(r, { stage, index }), `${title({ stage, index })} removed.`, `search:${stage}`);
    case 'add-topic': {
      const id = target.dataset.topic!;
      return edited(
        edit.addTopic(r, id, { stage, index: r.stages[stage]!.items.length }),
        `${catalog.topics[id]?.title ?? id} added to stage ${stage + 1}.`,
        `search:${stage}`,
      );
    }
    case 'hint': {
      const { topic, prerequisite } = target.dataset as { topic: string; prerequisite: string };
      return edited(
        edit.placeBefore(r, prerequisite, topic),
        `${catalog.topics[prerequisite]?.title} now comes before ${catalog.topics[topic]?.title}.`,
      );
    }
  }
  return undefined;
}

/** Moving, removing or adding a stage; removing one with items in it asks first. */
function stageAction(r: CustomRoadmap, target: HTMLElement, ask: (question: string) => boolean): ClickResult {
  const stage = Number(target.dataset.stage);
  switch (target.dataset.action) {
    case 'stage-up':
    case 'stage-down': {
      const by = target.dataset.action === 'stage-up' ? -1 : 1;
      const to = Math.min(Math.max(stage + by, 0), r.stages.length - 1);
      return edited(
        edit.moveStage(r, stage, by),
        `${r.stages[stage]!.title} is now stage ${to + 1}.`,
        `${target.dataset.action}:${to}:`,
      );
    }
    case 'stage-remove':
      if (
        r.stages[stage]!.items.length &&
        !ask(
          `Remove stage ${stage + 1}, “${r.stages[stage]!.title}”, and its ${count(r.stages[stage]!.items.length, 'item')}?`,
        )
      )
        return;
      return edited(edit.removeStage(r, stage), `Stage “${r.stages[stage]!.title}” removed.`, 'add-stage');
    case 'add-stage':
      return edited(edit.addStage(r), `Stage ${r.stages.length + 1} added.`, `stage-title:${r.stages.length}`);
  }
  return undefined;
}
