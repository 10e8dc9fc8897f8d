/**
 * <atlas-topic-status data-topic="…">: toggle buttons for a topic's state on its own page. Pressing the pressed
 * button again clears it. The same store as the roadmap pages, so the mark shows on every roadmap with the topic;
 * the roadmap the learner walks to this page counts as worked on.
 */
import { AtlasElement, defineElement } from '../element.ts';
import type { TopicState } from '../../lib/progress/progress-store.ts';
import { getProgress, notify, onProgressChange, setTopicState, takeStorageProblem } from './progress.ts';

class TopicStatus extends AtlasElement {
  protected connect(signal: AbortSignal) {
    const id = this.dataset.topic!;
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('[data-set]')];
    const render = () => {
      const state = getProgress().topics[id];
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.set === state));
    };
    for (const button of buttons) {
      const toggle = () => {
        const state = button.dataset.set as TopicState;
        // The roadmap the learner walks here from its map (src/components/topic/roadmap-walk.ts), if any.
        const walking = document.querySelector<HTMLElement>('atlas-roadmap-walk[data-walking]')?.dataset.walking;
        setTopicState(id, getProgress().topics[id] === state ? null : state, walking);
      };
      button.addEventListener('click', toggle, { signal });
      button.disabled = false;
    }
    const problem = takeStorageProblem(this);
    if (problem) notify(this.querySelector('[data-notice]'), problem);
    onProgressChange(render, signal);
    render();
  }
}

defineElement('topic-status', TopicStatus);
