/**
 * The keys that run a lab's checks, as the learner's device names them: ⌘+Enter on a Mac, Ctrl+Enter elsewhere (the
 * editor binds both, CodeMirror's Mod-Enter), and none on a touch screen without a keyboard, where the Run button is
 * the way. One home for every hint that names them: the Run button's, the note under the editor, the "Ready" line.
 */

import { fill } from '../../core/format/fill.ts';
import type { LabWords } from './lab-words.ts';

/** What the hints depend on: a Mac's keys, or no keys at all. */
export interface Device {
  mac: boolean;
  /** A touch screen with no hover and a coarse pointer, as global.css hides every .kbd-hint on. */
  touchOnly: boolean;
}

export const thisDevice = (): Device => ({
  mac: /Macintosh|Mac OS X|iPhone|iPad/.test(navigator.userAgent),
  touchOnly: matchMedia('(hover: none) and (pointer: coarse)').matches,
});

/** The keys that run the checks on `device`, or undefined where there are none to press. */
export const runKeys = (device: Device): string | undefined =>
  device.touchOnly ? undefined : device.mac ? '⌘+Enter' : 'Ctrl+Enter';

/** The note under the editor, also its accessible description: how to type in it, leave it and run. */
export function editorNote(device: Device, words: LabWords): string {
  const keys = runKeys(device);
  return keys ? fill(words.editorKeys, { keys }) : words.editorTouch;
}

/** What the status line adds to "Ready": how to run. */
export function readyHint(device: Device, words: LabWords): string {
  const keys = runKeys(device);
  return keys ? fill(words.readyKeys, { keys }) : words.readyTouch;
}

/** The "Ready" line: how long the engine took to start (`ms`), whether it works offline too, and how to run. */
export function readyMessage(ms: number, offline: boolean, device: Device, words: LabWords): string {
  const seconds = (ms / 1000).toLocaleString(words.dateLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return fill(words.ready, { seconds, offline: offline ? words.alsoOffline : '', hint: readyHint(device, words) });
}

/** The Run button's key hint in `root`, for a Mac: ⌘ where the page says Ctrl. */
export function showRunKeys(root: ParentNode, device: Device) {
  const modifier = root.querySelector('[data-run] [data-run-modifier]');
  if (modifier && device.mac) modifier.textContent = '⌘';
}
