/**
 * "Copy link" on each stage of a roadmap page (roadmap-view.ts), a button in the HTML (RoadmapMap.astro): the page's
 * address with the stage's anchor, said on the button ("Copied ✓" for two seconds) and to screen readers.
 */
import { fill } from '../../core/format/fill.ts';
import type { RoadmapWords } from './roadmap-words.ts';

/** Wires the copy-link button of every stage of `view`; `announce` speaks the outcome, `signal` ends the buttons. */
export function addStageLinks(
  view: HTMLElement,
  announce: (message: string) => void,
  words: RoadmapWords,
  signal: AbortSignal,
) {
  for (const button of view.querySelectorAll<HTMLButtonElement>('[data-copy-stage]')) {
    const stage = button.closest<HTMLElement>('[data-stage]');
    if (stage) button.addEventListener('click', () => void copy(button, stage.id, announce, words, signal), { signal });
  }
}

async function copy(
  button: HTMLButtonElement,
  anchor: string,
  announce: (message: string) => void,
  words: RoadmapWords,
  signal: AbortSignal,
) {
  const url = `${location.origin}${location.pathname}#${anchor}`;
  const copied = await (await import('./share-link.ts')).copyText(url);
  announce(copied ? words.stageCopied : fill(words.stageCopyBlocked, { url }));
  // Said on the button too, for everyone who sees it: "Copied ✓" for two seconds.
  if (!copied) return;
  button.textContent = words.copied;
  const reset = setTimeout(() => (button.textContent = words.copyLink), 2000);
  signal.addEventListener('abort', () => clearTimeout(reset), { once: true });
}
