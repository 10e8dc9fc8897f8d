/**
 * The request panel of an API lab: the learner sends their own request (method, path, headers, body) to the handler
 * in the editor and reads the raw exchange and the SQL it ran, or copies it as a curl command. The panel's database
 * keeps what earlier requests wrote until the learner resets it.
 */
import type { EngineClient } from '../../lib/labs/shared/engine-host.ts';
import type { HttpRequestData } from '../../lib/labs/shared/lab-spec.ts';
import { formText, h } from '../dom.ts';
import { part } from '../parts.ts';
import { curlOf, exchangeParts, exchangeTitle } from './http-exchange.ts';
import { fill } from '../../core/format/fill.ts';
import { type LabWords, labWords } from './lab-words.ts';
import { pickedLanguage } from './lab-language-view.ts';

/** The form's request, or what is wrong with it in a sentence. */
function readRequest(form: HTMLFormElement, words: LabWords['http']): HttpRequestData | string {
  const data = new FormData(form);
  const method = formText(data, 'method') || 'GET';
  const path = formText(data, 'path').trim();
  if (!path.startsWith('/')) return words.pathSlash;
  const headers: [string, string][] = [];
  for (const line of formText(data, 'headers').split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf(':');
    const name = line.slice(0, at).trim();
    if (at < 1 || !/^[!#$%&'*+.^_|~0-9A-Za-z-]+$/.test(name)) return fill(words.headerLine, { line: line.trim() });
    headers.push([name, line.slice(at + 1).trim()]);
  }
  const text = formText(data, 'body');
  if (text && (method === 'GET' || method === 'HEAD')) return fill(words.noBody, { method });
  return { method, path, headers, body: text ? text : null };
}

/**
 * Copies the form's request as a curl command, or shows it to copy by hand; `state` says which. The command goes to
 * where the learner's own server would listen in the language they write: uvicorn's port for Python.
 */
function copyCurl(
  form: HTMLFormElement,
  state: HTMLElement,
  output: HTMLElement,
  words: LabWords['http'],
  python: boolean,
) {
  const request = readRequest(form, words);
  if (typeof request === 'string') {
    state.textContent = request;
    return;
  }
  const command = curlOf(request, python ? 'http://127.0.0.1:8000' : undefined);
  navigator.clipboard.writeText(command).then(
    () => (state.textContent = python ? words.curlCopiedPython : words.curlCopied),
    () => {
      output.replaceChildren(h('pre', 'lab-pre', { tabindex: 0, 'aria-label': words.curlLabel }, command));
      state.textContent = words.curlShown;
    },
  );
}

/** Wires the panel in `root` to `engine`, sending the handler `code` returns, until `signal` ends. */
export function startPanel(
  root: HTMLElement,
  engine: Pick<EngineClient, 'send'>,
  code: () => string,
  signal: AbortSignal,
) {
  const panel = part(root, '[data-panel]');
  const form = part(panel, '[data-panel-form]', HTMLFormElement);
  const state = part(panel, '[data-panel-state]');
  const output = part(panel, '[data-panel-output]');
  const send = part(form, 'button[type="submit"]', HTMLButtonElement);
  let reset = false;
  panel.hidden = false;
  const all = labWords(root);
  const words = all.http;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const request = readRequest(form, words);
    if (typeof request === 'string') {
      state.textContent = request;
      return;
    }
    send.disabled = true;
    state.textContent = reset ? words.resetting : words.sending;
    void engine
      .send(code(), request, reset)
      .then((exchange) => {
        reset = false;
        output.replaceChildren(
          h('p', 'font-mono text-sm font-bold', {}, exchangeTitle(exchange, words)),
          ...exchangeParts(exchange, 4, all),
        );
        state.textContent = exchange.response
          ? fill(words.answered, { status: `${exchange.response.status} ${exchange.response.statusText}`.trimEnd() })
          : fill(words.noAnswer, { error: exchange.error?.message ?? words.handlerFailed });
      })
      .finally(() => (send.disabled = false));
  };
  const resetData = () => {
    reset = true;
    state.textContent = words.resetNext;
  };
  form.addEventListener('submit', submit, { signal });
  part(panel, '[data-panel-reset]', HTMLButtonElement).addEventListener('click', resetData, { signal });
  const curl = part(panel, '[data-panel-curl]', HTMLButtonElement);
  // The language picked when the learner copies (the picker can change it between requests).
  const python = () => pickedLanguage(root, 'javascript') === 'python';
  curl.addEventListener('click', () => copyCurl(form, state, output, words, python()), { signal });
}
