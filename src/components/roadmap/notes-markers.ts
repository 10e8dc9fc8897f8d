/**
 * Notes on the map: every topic the learner wrote a note on gets a mark (roadmap.css, [data-note]) and the same
 * in words for screen readers, beside its status.
 */
import type { Progress } from '../../lib/progress/progress-store.ts';
import type { MapModel } from './map-model.ts';

export function paintNotes(map: MapModel, notes: Progress['notes']) {
  for (const [id, node] of map.nodes) {
    const has = Object.hasOwn(notes, id);
    node.toggleAttribute('data-note', has);
    const words = node.querySelector('[data-note-label]');
    if (!has) words?.remove();
    else if (!words) {
      const label = document.createElement('span');
      label.className = 'rg-state sr-only';
      label.dataset.noteLabel = '';
      label.textContent = ' (you have notes on it)';
      node.querySelector('a')?.after(label);
    }
  }
}
