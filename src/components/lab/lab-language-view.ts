/**
 * The parts of a lab page that follow the language the learner writes in, from the moment the page's script runs,
 * before "Start the lab" as after: the picker of an API lab offered in Python too (LabWorkbench.astro), the starter
 * or the learner's own draft in that language, what the handler gets (ApiEnv.astro), the run note and the next lab.
 * A part names the languages it is for in `data-for-language` (space-separated); the picker's checked radio is the
 * language. Light, with no engine in it: the page's own script (lab-workbench.ts) runs it before the editor loads.
 */
import { labWords } from './lab-words.ts';
import { labDraft, type OtherLabLanguage } from '../../lib/labs/shared/lab-progress.ts';
import type { LabLanguage } from '../../lib/labs/shared/lab-spec.ts';
import type { LabSpec } from '../../lib/labs/lab-kinds.ts';
import { h } from '../dom.ts';
import { getProgress } from '../progress/progress.ts';

/** What the editor holds and highlights: the lab's own language, or one the learner picked. */
export type EditorLanguage = LabLanguage;

/** A picked language as the progress store names it: undefined for the lab's own (JavaScript). */
export const otherLanguage = (language: EditorLanguage): OtherLabLanguage | undefined =>
  language === 'typescript' || language === 'python' ? language : undefined;

const PICKABLE: readonly string[] = ['javascript', 'typescript', 'python'];

/**
 * The language the page opens in: the lab's own, or for a lab offered in Python too, the one the link asks for
 * (`?language=python`, as "Next lab" after a Python lab links it), else the one last picked.
 */
export function initialLanguage(spec: LabSpec & { pythonStarter?: string }): EditorLanguage {
  if (spec.pythonStarter === undefined) return spec.language;
  const asked = new URLSearchParams(location.search).get('language');
  if (asked && PICKABLE.includes(asked)) return asked as EditorLanguage;
  return getProgress().labs[spec.id]?.language ?? 'javascript';
}

/** The language being written: the picker's checked radio, or the lab's own where it has no picker. */
export const pickedLanguage = (root: HTMLElement, own: EditorLanguage): EditorLanguage =>
  (root.querySelector<HTMLInputElement>('[data-languages] input:checked')?.value as EditorLanguage | undefined) ?? own;

/**
 * Enables the picker in `root` with `initial` checked, and calls `onPick` when the learner picks another language.
 * Returns false when the lab has no picker.
 */
export function startLanguagePicker(
  root: HTMLElement,
  initial: EditorLanguage,
  onPick: (language: EditorLanguage) => void,
  signal: AbortSignal,
): boolean {
  const picker = root.querySelector<HTMLFieldSetElement>('[data-languages]');
  if (!picker) return false;
  for (const input of picker.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
    input.disabled = false;
    input.checked = input.value === initial;
    input.addEventListener('change', () => input.checked && onPick(input.value as EditorLanguage), { signal });
  }
  return true;
}

const isFor = (part: HTMLElement, language: EditorLanguage, attribute = part.dataset.forLanguage) =>
  (attribute ?? '').split(' ').includes(language);

/** Shows the parts of `root` written for `language` and hides the others. */
export function showPartsFor(root: HTMLElement, language: EditorLanguage) {
  for (const part of root.querySelectorAll<HTMLElement>('[data-for-language]')) part.hidden = !isFor(part, language);
}

/**
 * Before the editor loads: the learner's draft in `language`, as plain text, in place of the starter, or that
 * language's starter when there is no draft. Returns whether there is a draft. Once the editor has replaced the
 * starter (workbench.ts), the editor holds the draft and this does nothing.
 */
export function showDraftFor(root: HTMLElement, labId: string, language: EditorLanguage): boolean {
  const starters = [...root.querySelectorAll<HTMLElement>('[data-editor-host] [data-starter]')];
  if (!starters.length) return false;
  const draft = labDraft(getProgress().labs[labId], otherLanguage(language));
  for (const starter of starters)
    starter.hidden = draft !== undefined || !isFor(starter, language, starter.dataset.starter);
  let view = root.querySelector<HTMLElement>('[data-draft-view]');
  if (draft !== undefined && !view) {
    const code = h('pre', 'code-block', { tabindex: 0, 'aria-label': labWords(root).draftLabel }, h('code', ''));
    view = h('div', 'prose max-w-none', { 'data-draft-view': true }, code);
    starters[0]!.before(view);
  }
  if (view) {
    view.hidden = draft === undefined;
    view.querySelector('code')!.textContent = draft ?? '';
  }
  return draft !== undefined;
}
