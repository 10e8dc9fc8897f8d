/**
 * The lab's Stop button: enabled while a run or a request of the request panel waits for the engine, it ends them
 * (the engine host answers them as stopped and restarts the engine, as at a time limit). A Stop that had the focus
 * hands it to Run when nothing is left to stop, so a keyboard learner is not left on a disabled button.
 */
import { part } from '../parts.ts';

export function startStopButton(root: HTMLElement, stop: () => void, signal: AbortSignal) {
  const button = part(root, '[data-stop]', HTMLButtonElement);
  const run = part(root, '[data-run]', HTMLButtonElement);
  let busy = 0;
  button.hidden = false;
  button.addEventListener('click', stop, { signal });
  /** `work`, with Stop enabled until it ends. */
  return async function whileBusy<T>(work: Promise<T>): Promise<T> {
    busy += 1;
    button.disabled = false;
    try {
      return await work;
    } finally {
      busy -= 1;
      if (busy === 0) {
        const hadFocus = document.activeElement === button;
        button.disabled = true;
        // After the run's own ending, which enables Run again: a disabled button cannot take the focus.
        if (hadFocus) setTimeout(() => run.focus());
      }
    }
  };
}
