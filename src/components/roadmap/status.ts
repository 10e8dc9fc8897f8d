/**
 * Status on the map: on every topic node a "Done" toggle — the common action in one click or tap, pressed when the
 * topic is done; pressing it again puts the topic back to where it was (learning, or not started) — and a ▾ button
 * beside it that opens every status (status-menu.ts, loaded on first use); the D / L / S / N shortcuts on a focused
 * node; and the paint: each node's data-state (its fill, roadmap-marks.css) and its status in words for screen readers.
 */
import type { TopicState } from '../../lib/progress/progress-store.ts';
import { STATE_LABEL } from '../progress/progress.ts';
import type { MapModel } from './map-model.ts';

const SHORTCUTS: Record<string, TopicState | null> = { d: 'done', l: 'learning', s: 'skipped', n: null };

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>) =>
  Object.assign(document.createElement(tag), props);

/** The ▾ beside a node's Done toggle, which opens every status (status-menu.ts, loaded on the first press). */
function statusMenuButton(
  id: string,
  map: MapModel,
  current: () => TopicState | null,
  mark: (state: TopicState | null) => void,
  signal: AbortSignal,
) {
  const more = make('button', {
    type: 'button',
    className: 'rg-more',
    ariaExpanded: 'false',
    title: 'Choose a status',
  });
  more.dataset.statusMenu = id;
  more.addEventListener(
    'click',
    (event) => {
      // The menu opens and closes itself; the button is its popover's invoker only to count as inside it.
      event.preventDefault();
      void import('./status-menu.ts').then(({ toggleStatusMenu }) =>
        toggleStatusMenu(more, map.title(id), current(), mark),
      );
    },
    { signal },
  );
  return more;
}

/** Adds the status buttons and shortcuts, listening until `signal` ends; `mark` decides what a change does (it may refuse). */
export function addStatusControls(
  root: HTMLElement,
  map: MapModel,
  current: (id: string) => TopicState | null,
  mark: (id: string, state: TopicState | null) => void,
  signal: AbortSignal,
) {
  /** What a topic was before it was marked done here, so that undoing the mark puts it back. */
  const before = new Map<string, TopicState | null>();
  for (const [id, node] of map.nodes) {
    const done = make('button', { type: 'button', className: 'rg-status' });
    done.dataset.status = id;
    done.append(
      make('span', { className: 'rg-status-box', ariaHidden: 'true' }),
      make('span', { className: 'rg-status-word', textContent: 'Done' }),
    );
    done.addEventListener(
      'click',
      () => {
        const now = current(id);
        if (now === 'done') mark(id, before.get(id) ?? null);
        else {
          before.set(id, now);
          mark(id, 'done');
        }
      },
      { signal },
    );
    const more = statusMenuButton(
      id,
      map,
      () => current(id),
      (state) => mark(id, state),
      signal,
    );
    const words = make('span', { className: 'rg-state sr-only' });
    words.dataset.stateLabel = '';
    node.querySelector('a')?.after(words);
    const controls = make('span', { className: 'rg-controls no-print' });
    controls.append(done, more);
    node.append(controls);
  }
  const shortcut = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (!(key in SHORTCUTS)) return;
    const target = event.target as Element;
    const node = target.closest<HTMLElement>('.rg-topic[id]');
    if (!node || target.closest('input, textarea, select')) return;
    event.preventDefault();
    mark(node.id, SHORTCUTS[key]!);
  };
  root.addEventListener('keydown', shortcut, { signal });
}

/** Paints every node with its state; read-only (shared progress) disables the buttons. */
export function paintStatus(map: MapModel, states: Record<string, TopicState>, readOnly: boolean) {
  for (const [id, node] of map.nodes) {
    const state = states[id];
    if (state) node.dataset.state = state;
    else delete node.dataset.state;
    const label = STATE_LABEL[state ?? 'none'];
    const words = node.querySelector('[data-state-label]');
    if (words) words.textContent = state ? ` (${label})` : '';
    const done = node.querySelector<HTMLButtonElement>('[data-status]');
    const more = node.querySelector<HTMLButtonElement>('[data-status-menu]');
    if (!done || !more) continue;
    // A toggle whose name says what it marks: "Done: Kafka", pressed or not; beside it "Status: Kafka".
    done.setAttribute('aria-pressed', String(state === 'done'));
    done.setAttribute('aria-label', `Done: ${map.title(id)}`);
    done.title = state === 'done' ? 'Done. Press to undo' : 'Mark done';
    more.setAttribute('aria-label', `Status: ${map.title(id)}`);
    done.disabled = more.disabled = readOnly;
  }
}
