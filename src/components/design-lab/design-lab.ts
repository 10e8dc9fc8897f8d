/**
 * <atlas-design-lab data-lab="…">: a design lab page's light script (DesignWorkbench.astro). It grades the scope and the
 * estimates, reveals each step's answer once the learner commits theirs, keeps the learner's work as the lab's
 * draft in the progress store, and loads the simulator (design-run.ts) on the first edit of the design or the first
 * run — nothing heavy loads before.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { withLabDraft } from '../../lib/labs/shared/lab-progress.ts';
import {
  type DesignDraft,
  ESTIMATE_TRIES,
  estimateVerdict,
  gradeEstimate,
  readDraft,
  writeDraft,
} from '../../lib/labs/design/index.ts';
import { formatLocalDay } from '../../core/format/format.ts';
import { guardSolution, setUpHints } from '../lab/lab-hints.ts';
import { jsonPart, part } from '../parts.ts';
import { getProgress, onProgressChange, saveProgress } from '../progress/progress.ts';
import type { DesignPageSpec } from './design-protocol.ts';
import type { DesignRun } from './design-run.ts';
import { wireApiStep } from './design-api-fields.ts';

const SAVE_DELAY_MS = 400;

class DesignLab extends AtlasElement {
  #spec!: DesignPageSpec;
  #draft!: DesignDraft;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #run: Promise<DesignRun> | undefined;

  protected connect(signal: AbortSignal) {
    this.#spec = jsonPart<DesignPageSpec>(this, '[data-design-spec]');
    this.#draft = readDraft(getProgress().labs[this.#spec.id]?.draft, this.#spec.starter);
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    setUpHints(this, signal);
    guardSolution(this, () => (getProgress().labs[this.#spec.id]?.runs ?? 0) > 0, signal);
    this.#restore();
    this.#listen(signal);
    wireApiStep(this, this.#spec.apiModel, this.#draft, (change) => this.#update(change), signal);
    const passed = () => this.#showPassed();
    passed();
    onProgressChange(passed, signal);
    addEventListener('pagehide', () => this.#saveNow(), { signal });
  }

  override disconnectedCallback() {
    this.#saveNow();
    super.disconnectedCallback();
  }

  /** The learner's earlier work back in the fields, and the answers they had already committed to. */
  #restore() {
    const { scope, estimates, design, tradeoffs } = this.#draft;
    this.#designField().value = design;
    for (const box of this.querySelectorAll<HTMLInputElement>('[data-scope-form] input[name="scope"]'))
      box.checked = scope?.includes(Number(box.value)) ?? false;
    for (const input of this.querySelectorAll<HTMLInputElement>('[data-estimates-form] input'))
      input.value = estimates[input.name] ?? '';
    part(this, '[data-tradeoffs]', HTMLTextAreaElement).value = tradeoffs;
    this.#answer('scope', scope !== undefined);
    if (scope !== undefined) this.#showScope(false);
    this.#answer('estimates', !!this.#draft.estimated);
    if (this.#draft.estimated || this.#draft.checks) this.#showEstimates(false);
    this.#answer('tradeoffs', !!this.#draft.compared);
    if (design !== this.#spec.starter) void this.#loadRun();
  }

  #listen(signal: AbortSignal) {
    const on = (selector: string, type: string, handle: (event: Event) => void) =>
      part(this, selector).addEventListener(type, handle, { signal });
    on('[data-scope-form]', 'submit', (event) => {
      event.preventDefault();
      this.#update({ scope: this.#checkedScope() });
      this.#showScope(true);
    });
    on('[data-estimates-form]', 'submit', (event) => {
      event.preventDefault();
      const estimates = this.#typedEstimates();
      const checks = (this.#draft.checks ?? 0) + 1;
      const allClose = this.#spec.estimates.every((e) => gradeEstimate(e, estimates[e.id] ?? '').state === 'close');
      this.#update({ estimates, checks, estimated: this.#draft.estimated || allClose || checks >= ESTIMATE_TRIES });
      this.#showEstimates(true);
    });
    on('[data-estimates-reveal]', 'click', () => {
      this.#update({ estimates: this.#typedEstimates(), estimated: true });
      this.#showEstimates(true);
    });
    on('[data-estimates-form]', 'input', () => this.#update({ estimates: this.#typedEstimates() }));
    on('[data-tradeoffs-form]', 'submit', (event) => {
      event.preventDefault();
      this.#update({ tradeoffs: part(this, '[data-tradeoffs]', HTMLTextAreaElement).value, compared: true });
      this.#answer('tradeoffs', true, true);
    });
    on('[data-tradeoffs]', 'input', (event) =>
      this.#update({ tradeoffs: (event.target as HTMLTextAreaElement).value }),
    );
    on('[data-design]', 'input', () => {
      this.#update({ design: this.#designField().value });
      void this.#loadRun();
    });
    on('[data-design]', 'focus', () => void this.#loadRun());
    on('[data-run]', 'click', () => void this.#loadRun().then((run) => run.run()));
    on('[data-reset]', 'click', () => {
      if (!confirm('Replace your design with the starter? Your current design will be lost.')) return;
      this.#designField().value = this.#spec.starter;
      this.#update({ design: this.#spec.starter });
      void this.#loadRun().then((run) => run.redraw());
    });
  }

  #designField() {
    return part(this, '[data-design]', HTMLTextAreaElement);
  }

  /** The simulator and the live diagram, loaded once. */
  #loadRun(): Promise<DesignRun> {
    this.#run ??= import('./design-run.ts').then(({ startDesignRun }) =>
      startDesignRun(this, this.#spec, () => this.#designField().value, this.signal),
    );
    return this.#run;
  }

  /** A step's answer: hidden until the learner committed theirs, then shown (and opened when just committed). */
  #answer(step: string, shown: boolean, open = false) {
    const details = part(this, `[data-answer="${step}"]`, HTMLDetailsElement);
    details.hidden = !shown;
    if (open) details.open = true;
  }

  #checkedScope() {
    return [...this.querySelectorAll<HTMLInputElement>('[data-scope-form] input[name="scope"]:checked')].map((b) =>
      Number(b.value),
    );
  }

  #typedEstimates() {
    return Object.fromEntries(
      [...this.querySelectorAll<HTMLInputElement>('[data-estimates-form] input')].map((i) => [i.name, i.value]),
    );
  }

  /** Each requirement marked agreed or not, with the interviewer's reason in the answer below. */
  #showScope(justNow: boolean) {
    let agreed = 0;
    const items = [...this.querySelectorAll<HTMLLIElement>('[data-requirement]')];
    for (const item of items) {
      const box = part(item, 'input', HTMLInputElement);
      const inScope = item.dataset.inScope === 'true';
      const same = box.checked === inScope;
      if (same) agreed++;
      const verdict = part(item, '[data-verdict]');
      verdict.hidden = false;
      verdict.dataset.agrees = String(same);
      verdict.textContent = same
        ? `Agreed: ${inScope ? 'in scope' : 'out of scope'}.`
        : `The interviewer has it ${inScope ? 'in scope' : 'out of scope'}.`;
    }
    this.#answer('scope', true, justNow);
    if (justNow) this.#announce(`Your scope agrees with the interviewer's on ${agreed} of ${items.length}.`);
  }

  /** Each estimate's verdict; the lab's numbers and the arithmetic only once revealed (all close, out of tries, asked). */
  #showEstimates(justNow: boolean) {
    const reveal = !!this.#draft.estimated;
    let close = 0;
    for (const estimate of this.#spec.estimates) {
      const box = part(this, `[data-estimate="${estimate.id}"]`);
      const grade = gradeEstimate(estimate, this.#draft.estimates[estimate.id] ?? '');
      if (grade.state === 'close') close++;
      const verdict = part(box, '[data-verdict]');
      verdict.hidden = false;
      verdict.dataset.agrees = String(grade.state === 'close');
      verdict.textContent = estimateVerdict(estimate, grade, reveal);
    }
    this.#answer('estimates', reveal, justNow);
    part(this, '[data-estimates-reveal]').hidden = reveal;
    const left = ESTIMATE_TRIES - (this.#draft.checks ?? 0);
    const next = reveal
      ? 'The arithmetic is shown below.'
      : `Change any that are off and check again: the arithmetic shows after ${left} more ${left === 1 ? 'try' : 'tries'}, or now if you ask.`;
    if (justNow)
      part(this, '[data-estimates-announce]').textContent =
        `${close} of ${this.#spec.estimates.length} estimates close enough. ${next}`;
  }

  #announce(text: string) {
    part(this, '[data-announce]').textContent = text;
  }

  #update(change: Partial<DesignDraft>) {
    this.#draft = { ...this.#draft, ...change };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#saveNow(), SAVE_DELAY_MS);
  }

  /** Keeps the draft in the progress store, if it changed. */
  #saveNow() {
    clearTimeout(this.#timer);
    const progress = getProgress();
    const text = writeDraft(this.#draft);
    const stored = progress.labs[this.#spec.id]?.draft;
    if (text === stored || (stored === undefined && text === writeDraft(readDraft(undefined, this.#spec.starter))))
      return;
    saveProgress({ ...progress, labs: withLabDraft(progress.labs, this.#spec.id, text) });
  }

  /** Once passed: the day, at the head of the step, and the next step. */
  #showPassed() {
    const passed = getProgress().labs[this.#spec.id]?.passed;
    if (!passed) return;
    part(this, '[data-next-step]').hidden = false;
    const heading = part(this, '#step-design');
    if (!heading.querySelector('[data-passed-on]'))
      heading.append(
        Object.assign(document.createElement('span'), {
          className: 'design-passed text-done',
          textContent: ` · passed on ${formatLocalDay(passed)}`,
        }),
      );
    heading.lastElementChild!.setAttribute('data-passed-on', '');
  }
}

defineElement('design-lab', DesignLab);
