/**
 * Status on the map: a "Done" toggle on every topic node — the common action in one click or tap, pressed when the
 * topic is done; pressing it again puts the topic back to where it was (learning, or not started) — the D / L / S / N
 * shortcuts on a focused node for every status, and the paint: each node's data-state (its fill, roadmap.css) and
 * its status in words for screen readers.
 */
import type { TopicState } from '../../lib/progress/progress-store.ts';
import { STATE_LABEL } from '../progress/progress.ts';
import type { MapModel } from './map-model.ts';

const SHORTCUTS: Record<string, TopicState | null> = { d: 'done', l: 'learning', s: 'skipped', n: null };

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
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rg-status no-print';
    button.dataset.status = id;
    button.append(
      Object.assign(document.createElement('span'), { className: 'rg-status-box', ariaHidden: 'true' }),
      Object.assign(document.createElement('span'), { className: 'rg-status-word', textContent: 'Done' }),
    );
    const toggle = () => {
      const now = current(id);
      if (now === 'done') mark(id, before.get(id) ?? null);
      else {
        before.set(id, now);
        mark(id, 'done');
      }
    };
    button.addEventListener('click', toggle, { signal });
    const words = document.createElement('span');
    words.className = 'rg-state sr-only';
    words.dataset.stateLabel = '';
    node.querySelector('a')?.after(words);
    node.append(button);
  }
  const shortcut = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (!(key in SHORTCUTS)) return;
    const target = event.target as Element;
    const node = target.closest<HTMLElement>('[data-topic]');
    if (!node || target.closest('input, textarea, select')) return;
    event.preventDefault();
    mark(node.dataset.topic!, SHORTCUTS[key]!);
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
    const button = node.querySelector<HTMLButtonElement>('[data-status]');
    if (!button) continue;
    // A toggle whose name says what it marks: "Done: Kafka", pressed or not.
    button.setAttribute('aria-pressed', String(state === 'done'));
    button.setAttribute('aria-label', `Done: ${map.title(id)}`);
    button.title = `${label}. Press to mark ${state === 'done' ? 'not done' : 'done'} (keys on a topic: D done, L learning, S skipped, N not started)`;
    button.disabled = readOnly;
  }
}
