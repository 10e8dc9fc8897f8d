/**
 * The builder's prerequisite hints (roadmap-builder.ts): a few at a time, each with its button to add or move the
 * topic usually learned first, from the order of our own roadmaps (src/lib/custom-roadmap/prerequisites.ts).
 */
import type { Catalog } from '../../lib/custom-roadmap/catalog.ts';
import type { PrerequisiteHint } from '../../lib/custom-roadmap/prerequisites.ts';
import { h } from '../dom.ts';

/** Hints shown at once: a few to act on, not a wall. */
const HINTS_SHOWN = 5;

export function renderHints(root: HTMLElement, hints: PrerequisiteHint[], catalog: Catalog) {
  const title = (id: string) => catalog.topics[id]?.title ?? id;
  root.hidden = hints.length === 0;
  const list = h('ul', 'builder-hints');
  for (const hint of hints.slice(0, HINTS_SHOWN)) {
    const [text, label] =
      hint.kind === 'missing'
        ? [
            `${title(hint.topic)} usually comes after ${title(hint.prerequisite)}, which is not on your roadmap.`,
            `Add ${title(hint.prerequisite)} before ${title(hint.topic)}`,
          ]
        : [
            `${title(hint.prerequisite)} usually comes before ${title(hint.topic)}, but is later on your roadmap.`,
            `Move ${title(hint.prerequisite)} before ${title(hint.topic)}`,
          ];
    list.append(
      h(
        'li',
        '',
        {},
        h('span', '', {}, text),
        ' ',
        h(
          'button',
          'btn builder-small',
          {
            type: 'button',
            'data-action': 'hint',
            'data-topic': hint.topic,
            'data-prerequisite': hint.prerequisite,
            'data-key': `hint:${hint.prerequisite}`,
          },
          label,
        ),
      ),
    );
  }
  const more =
    hints.length > HINTS_SHOWN
      ? h(
          'p',
          'text-sm text-muted',
          {},
          `And ${hints.length - HINTS_SHOWN} more: they show here as you deal with these.`,
        )
      : '';
  root.replaceChildren(
    h('h2', 'text-lg font-bold', {}, 'Usually learned first'),
    h(
      'p',
      'text-sm text-muted',
      {},
      'From the order of our own roadmaps. Add them, move them, or leave them out if you know them already.',
    ),
    list,
    more,
  );
}
