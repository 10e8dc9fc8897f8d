/**
 * The keys that run a lab's checks, as the learner's device names them: ⌘+Enter on a Mac, Ctrl+Enter elsewhere (the
 * editor binds both, CodeMirror's Mod-Enter), and none on a touch screen without a keyboard, where the Run button is
 * the way. One home for every hint that names them: the Run button's, the note under the editor, the "Ready" line.
 */

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
export function editorNote(device: Device): string {
  const keys = runKeys(device);
  return keys
    ? `Tab indents. Press Escape, then Tab, to leave the editor. ${keys} runs the checks.`
    : 'Run and check, under the editor, runs the checks.';
}

/** What the status line adds to "Ready": how to run. */
export function readyHint(device: Device): string {
  const keys = runKeys(device);
  return keys ? `Write your answer, then run it with ${keys}.` : 'Write your answer, then press Run and check.';
}

/** The Run button's key hint in `root`, for a Mac: ⌘ where the page says Ctrl. */
export function showRunKeys(root: ParentNode, device: Device) {
  const modifier = root.querySelector('[data-run] [data-run-modifier]');
  if (modifier && device.mac) modifier.textContent = '⌘';
}
