/**
 * <atlas-timeline-stepper> around a timeline's table: the learner predicts each step before it is revealed. Future steps
 * are hidden, the current step shows its statement, and the panel asks what it will do (finish, block or fail) and,
 * where it returns rows, which rows. Reveal shows the recorded outcome and why, and says whether the prediction was
 * right. "Show every step" reveals the lot. Without JavaScript the table shows every step; nothing is stored.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { h } from '../dom.ts';
import { part } from '../parts.ts';

type Prediction = 'finishes' | 'blocks' | 'fails';
const SAID: Record<Prediction, string> = { finishes: 'it finishes', blocks: 'it blocks', fails: 'it fails' };

const reveal = (row: HTMLTableRowElement, shown: boolean) => {
  for (const outcome of row.querySelectorAll<HTMLElement>('[data-reveal]')) outcome.hidden = !shown;
};
/** A step's row choices (a step that returns rows), as the page wrote them. */
const choicesOf = (row: HTMLTableRowElement) =>
  row.dataset.choices ? (JSON.parse(row.dataset.choices) as string[]) : [];

/** One row choice of the panel: a radio button and the rows as the server printed them. */
const rowsChoice = (choice: string, i: number) =>
  h(
    'label',
    'flex min-h-11 cursor-pointer items-center gap-2',
    {},
    h('input', 'size-4', { type: 'radio', name: 'rows', value: i, required: true }),
    h('code', 'font-mono', {}, choice),
  );

class TimelineStepper extends AtlasElement {
  #rows: HTMLTableRowElement[] = [];
  /** What the page shows only once the timeline is done (the takeaways). */
  #after: HTMLElement[] = [];
  #current = 0;
  #right = 0;

  get #form() {
    return part(this, '[data-predict]', HTMLFormElement);
  }

  protected connect(signal: AbortSignal) {
    this.#rows = [...this.querySelectorAll<HTMLTableRowElement>('tr[data-step]')];
    this.#after = [...document.querySelectorAll<HTMLElement>('[data-timeline-after]')];
    this.#current = 0;
    this.#right = 0;
    const panel = part(this, '[data-panel]');
    const next = () => {
      this.#current++;
      this.#ask();
      this.#form.querySelector<HTMLInputElement>('input[name="outcome"]')?.focus();
    };
    const showAll = () => this.#finish('Every step is shown, with what the server did.');
    this.#form.addEventListener('submit', (event) => this.#check(event), { signal });
    part(this, '[data-next]', HTMLButtonElement).addEventListener('click', next, { signal });
    part(this, '[data-show-all]', HTMLButtonElement).addEventListener('click', showAll, { signal });
    this.#rows.forEach((row, i) => {
      row.hidden = i > 0;
    });
    for (const el of this.#after) el.hidden = true;
    panel.hidden = false;
    this.#ask();
  }

  #finish(summary: string) {
    this.#rows.forEach((row) => {
      row.hidden = false;
      reveal(row, true);
    });
    part(this, '[data-panel]').hidden = false;
    this.#form.hidden = true;
    part(this, '[data-feedback]').hidden = true;
    part(this, '[data-verdict]').textContent = summary;
    for (const el of this.#after) el.hidden = false;
  }

  /** The current step's statement, and the questions about it. */
  #ask() {
    const row = this.#rows[this.#current]!;
    const form = this.#form;
    row.hidden = false;
    reveal(row, false);
    form.reset();
    form.hidden = false;
    part(this, '[data-feedback]').hidden = true;
    part(this, '[data-verdict]').textContent = '';
    part(this, '[data-question]').textContent =
      `Step ${this.#current + 1} of ${this.#rows.length}: session ${row.dataset.session} runs`;
    part(this, '[data-statement]').textContent = row.querySelector('td code')?.textContent ?? '';
    const choices = choicesOf(row);
    part(this, '[data-rows-question]', HTMLFieldSetElement).hidden = choices.length === 0;
    part(this, '[data-rows-options]').replaceChildren(...choices.map(rowsChoice));
  }

  /** The learner's prediction against the recorded outcome: the step revealed and the verdict said. */
  #check(event: SubmitEvent) {
    event.preventDefault();
    const row = this.#rows[this.#current]!;
    const form = this.#form;
    const data = new FormData(form);
    const said = data.get('outcome') as Prediction;
    const expect = row.dataset.expect as Prediction;
    const choices = choicesOf(row);
    const answer = Number(row.dataset.answer);
    const outcomeRight = said === expect;
    const rowsRight = choices.length === 0 || Number(data.get('rows')) === answer;
    if (outcomeRight && rowsRight) this.#right++;
    const rowsText = choices.length
      ? ` The rows: ${choices[answer]}${rowsRight ? '' : ` (you picked ${choices[Number(data.get('rows'))]})`}.`
      : '';
    reveal(row, true);
    form.hidden = true;
    const last = this.#current === this.#rows.length - 1;
    const steps = this.#rows.length;
    part(this, '[data-verdict]').textContent =
      `${outcomeRight && rowsRight ? 'Right' : 'Not quite'}: ${SAID[expect]}${outcomeRight ? '' : `, not ${SAID[said].replace('it ', '')}`}.${rowsText}${last ? ` You predicted ${this.#right} of ${steps} steps.` : ''}`;
    const feedback = part(this, '[data-feedback]');
    if (last) {
      for (const el of this.#after) el.hidden = false;
      feedback.hidden = true;
    } else {
      feedback.hidden = false;
      part(this, '[data-next]', HTMLButtonElement).focus();
    }
  }
}

defineElement('timeline-stepper', TimelineStepper);
