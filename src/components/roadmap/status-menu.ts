/**
 * Every status of a topic by touch, mouse, keyboard or screen reader: one popover for the whole map, opened from a
 * node's ▾ button (status.ts) and anchored under it, holding the four statuses as toggle buttons (the topic's own
 * pressed). Choosing one marks the topic and closes the menu, focus back on the ▾ button; Escape or a tap outside
 * closes it unchanged. Loaded on first use, so the roadmap's first view does not carry it.
 */
import type { TopicState } from '../../lib/progress/progress-store.ts';
import { fill } from '../../core/format/fill.ts';
import type { RoadmapWords } from './roadmap-words.ts';
// Its styles come with it as a constructed stylesheet (the CSP allows one), not in the page's first-view CSS.
import menuStyles from './status-menu.css?inline';

/** Each status with the key that sets it on a focused node (status.ts); its name is the page's (`statusNames`). */
const STATUSES: [TopicState | null, string][] = [
  [null, 'N'],
  ['learning', 'L'],
  ['done', 'D'],
  ['skipped', 'S'],
];

let menu: HTMLElement | undefined;
/** The ▾ button the menu is open for, and what choosing a status does there. */
let opener: HTMLButtonElement | undefined;
let choose: (state: TopicState | null) => void = () => {};

function buildMenu(words: RoadmapWords): HTMLElement {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(menuStyles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const root = Object.assign(document.createElement('div'), { className: 'rg-menu', popover: 'auto' });
  root.setAttribute('role', 'group');
  for (const [state, key] of STATUSES) {
    const button = Object.assign(document.createElement('button'), { type: 'button' });
    button.dataset.set = state ?? 'none';
    button.setAttribute('aria-keyshortcuts', key);
    const swatch = Object.assign(document.createElement('span'), { className: 'rg-swatch', ariaHidden: 'true' });
    if (state) swatch.dataset.kind = state;
    const hint = Object.assign(document.createElement('kbd'), { textContent: key, ariaHidden: 'true' });
    button.append(swatch, words.statusNames[state ?? 'none'], hint);
    button.addEventListener('click', () => {
      root.hidePopover();
      opener?.focus();
      choose(state);
    });
    root.append(button);
  }
  // Synchronous, unlike "toggle", so the state is the opener's even when the menu moves from one node to another.
  root.addEventListener('beforetoggle', (event) => {
    opener?.setAttribute('aria-expanded', String(event.newState === 'open'));
  });
  // A shortcut pressed in the menu marks the node (status.ts hears it as it bubbles); the menu would be stale.
  root.addEventListener('keydown', (event) => {
    if (!event.ctrlKey && !event.metaKey && !event.altKey && /^[dlsn]$/i.test(event.key)) root.hidePopover();
  });
  return root;
}

/** Opens the menu under `button` for the topic titled `title`, now `now`; closes it if it is open there already. */
export function toggleStatusMenu(
  button: HTMLButtonElement,
  title: string,
  now: TopicState | null,
  mark: (state: TopicState | null) => void,
  words: RoadmapWords,
) {
  menu ??= buildMenu(words);
  const wasOpen = menu.matches(':popover-open');
  if (wasOpen) menu.hidePopover();
  if (wasOpen && opener === button) return;
  // Its invoker, so that pressing it again is not a tap outside that closes the menu only to reopen it.
  if (opener) opener.popoverTargetElement = null;
  button.popoverTargetElement = menu;
  opener = button;
  choose = mark;
  // Right after its button, so a screen reader reads the menu where it opened.
  button.after(menu);
  menu.setAttribute('aria-label', fill(words.statusLabel, { title }));
  for (const option of menu.querySelectorAll<HTMLElement>('[data-set]'))
    option.setAttribute('aria-pressed', String(option.dataset.set === (now ?? 'none')));
  menu.showPopover();
  menu.querySelector<HTMLElement>('[aria-pressed="true"]')?.focus();
}
