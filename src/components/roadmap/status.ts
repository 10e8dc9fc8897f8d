/**
 * Status on the map: on every topic node a "Done" toggle — the common action in one click or tap, pressed when the
 * topic is done; pressing it again puts the topic back to where it was (learning, or not started) — and a ▾ button
 * beside it that opens every status (status-menu.ts, loaded on first use); the D / L / S / N shortcuts on a focused
 * node; and the paint: each node's data-state (its fill, roadmap-marks.css) and its status in words for screen readers.
 */
import type { TopicState } from '../../lib/progress/progress-store.ts';
import type { MapModel } from './map-model.ts';
import type { RoadmapWords } from './roadmap-words.ts';

const SHORTCUTS: Record<string, TopicState | null> = { d: 'done', l: 'learning', s: 'skipped', n: null };

/**
 * Wires the status buttons the map has in its HTML (MapNode.astro, custom-map.ts) and the shortcuts, one listener
 * each on `root`, until `signal` ends; `mark` decides what a change does (it may refuse).
 */
export function addStatusControls(
  root: HTMLElement,
  map: MapModel,
  current: (id: string) => TopicState | null,
  mark: (id: string, state: TopicState | null) => void,
  words: RoadmapWords,
  signal: AbortSignal,
) {
  /** What a topic was before it was marked done here, so that undoing the mark puts it back. */
  const before = new Map<string, TopicState | null>();
  const click = (event: MouseEvent) => {
    const target = event.target as Element;
    const id = target.closest<HTMLElement>('[data-status]')?.dataset.status;
    const now = id ? current(id) : null;
    if (id && now === 'done') mark(id, before.get(id) ?? null);
    else if (id) {
      before.set(id, now);
      mark(id, 'done');
    }
    const more = target.closest<HTMLButtonElement>('[data-status-menu]');
    const menuOf = more?.dataset.statusMenu;
    if (!more || !menuOf) return;
    // The menu opens and closes itself; the button is its popover's invoker only to count as inside it.
    event.preventDefault();
    void import('./status-menu.ts').then(({ toggleStatusMenu }) =>
      toggleStatusMenu(more, map.title(menuOf), current(menuOf), (state) => mark(menuOf, state), words),
    );
  };
  root.addEventListener('click', click, { signal });
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
export function paintStatus(map: MapModel, states: Record<string, TopicState>, readOnly: boolean, words: RoadmapWords) {
  for (const [id, node] of map.nodes) {
    const state = states[id];
    if (state) node.dataset.state = state;
    else delete node.dataset.state;
    const label = words.states[state ?? 'none'];
    const said = node.querySelector('[data-state-label]');
    if (said) said.textContent = state ? ` (${label})` : '';
    const done = node.querySelector<HTMLButtonElement>('[data-status]');
    const more = node.querySelector<HTMLButtonElement>('[data-status-menu]');
    if (!done || !more) continue;
    // Their names ("Done: Kafka", "Status: Kafka") are in the HTML; the toggle says whether it is pressed.
    done.setAttribute('aria-pressed', String(state === 'done'));
    done.title = state === 'done' ? words.doneUndo : words.markDone;
    done.disabled = more.disabled = readOnly;
  }
}
