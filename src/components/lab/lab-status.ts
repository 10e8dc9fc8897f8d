/** Shows the "Passed" badge of every lab the learner has passed, wherever labs are listed (data-lab-passed="<id>"). */
import { getProgress } from '../progress/progress.ts';

export function markPassedLabs(root: ParentNode = document) {
  const labs = getProgress().labs;
  for (const badge of root.querySelectorAll<HTMLElement>('[data-lab-passed]'))
    badge.hidden = !labs[badge.dataset.labPassed!]?.passed;
}
