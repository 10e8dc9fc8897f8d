/**
 * Status on the map: a round button on every topic node that cycles not started → learning → done → skipped,
 * the D / L / S / N shortcuts on a focused node, and the paint — each node's data-state (its fill, roadmap.css)
 * and its status in words for screen readers.
 */
import type { TopicState } from '../../lib/progress/progress-store.ts';
import { STATE_LABEL } from '../progress/progress.ts';
import type { MapModel } from './map-model.ts';

const CYCLE: (TopicState | null)[] = [null, 'learning', 'done', 'skipped'];
const GLYPH = { none: '○', learning: '◐', done: '✓', skipped: '–' } as const;
const SHORTCUTS: Record<string, TopicState | null> = { d: 'done', l: 'learning', s: 'skipped', n: null };

/** Adds the status buttons and shortcuts; `mark` decides what a change does (it may refuse). */
export function addStatusControls(
  root: HTMLElement,
  map: MapModel,
  current: (id: string) => TopicState | null,
  mark: (id: string, state: TopicState | null) => void,
) {
  for (const [id, node] of map.nodes) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rg-status no-print';
    button.dataset.status = id;
    button.addEventListener('click', () => mark(id, CYCLE[(CYCLE.indexOf(current(id)) + 1) % CYCLE.length]!));
    const words = document.createElement('span');
    words.className = 'rg-state sr-only';
    words.dataset.stateLabel = '';
    node.querySelector('a')?.after(words);
    node.append(button);
  }
  root.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (!(key in SHORTCUTS)) return;
    const target = event.target as Element;
    const node = target.closest<HTMLElement>('[data-topic]');
    if (!node || target.closest('input, textarea, select')) return;
    event.preventDefault();
    mark(node.dataset.topic!, SHORTCUTS[key]!);
  });
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
    const button = node.querySelector<HTMLButtonElement>('[data-status]');
    if (!button) continue;
    button.textContent = GLYPH[state ?? 'none'];
    button.setAttribute('aria-label', `${map.title(id)}: ${label}. Change status`);
    button.title = `Status: ${label} (keys: D done, L learning, S skipped, N not started)`;
    button.disabled = readOnly;
  }
}
