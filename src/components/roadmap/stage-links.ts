/**
 * "Copy link" on each stage of a roadmap page (roadmap-view.ts): the page's address with the stage's anchor, said
 * on the button ("Copied ✓" for two seconds) and to screen readers.
 */
/** Adds a copy-link button to every stage of `view`; `announce` speaks the outcome, `signal` ends the buttons. */
export function addStageLinks(view: HTMLElement, announce: (message: string) => void, signal: AbortSignal) {
  for (const meta of view.querySelectorAll<HTMLElement>('.rg-stage-meta')) {
    const stage = meta.closest<HTMLElement>('[data-stage]');
    if (stage) meta.append(copyLinkButton(stage.id, announce, signal));
  }
}

function copyLinkButton(anchor: string, announce: (message: string) => void, signal: AbortSignal) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'rg-copy no-print';
  button.textContent = 'Copy link';
  button.setAttribute('aria-label', 'Copy link to this stage');
  const copy = async () => {
    const url = `${location.origin}${location.pathname}#${anchor}`;
    const copied = await (await import('./share-link.ts')).copyText(url);
    announce(copied ? 'Link to the stage copied.' : `Copying is blocked in this browser; the link is ${url}`);
    // Said on the button too, for everyone who sees it: "Copied ✓" for two seconds.
    if (!copied) return;
    button.textContent = 'Copied ✓';
    const reset = setTimeout(() => (button.textContent = 'Copy link'), 2000);
    signal.addEventListener('abort', () => clearTimeout(reset), { once: true });
  };
  button.addEventListener('click', () => void copy(), { signal });
  return button;
}
