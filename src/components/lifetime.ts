/**
 * Timers that belong to a custom element: they end with its signal, the one its connectedCallback makes and its
 * disconnectedCallback aborts, so nothing runs for an element that has left the page.
 */

/** Runs `task` after `ms`, unless `signal` ends first. */
export function later(signal: AbortSignal, ms: number, task: () => void): void {
  const timer = setTimeout(() => {
    signal.removeEventListener('abort', cancel);
    task();
  }, ms);
  const cancel = () => clearTimeout(timer);
  signal.addEventListener('abort', cancel, { once: true });
}
