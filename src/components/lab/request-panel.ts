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

/** The form's request, or what is wrong with it in a sentence. */
function readRequest(form: HTMLFormElement): HttpRequestData | string {
  const data = new FormData(form);
  const method = formText(data, 'method') || 'GET';
  const path = formText(data, 'path').trim();
  if (!path.startsWith('/')) return 'The path starts with a slash, e.g. /books/1.';
  const headers: [string, string][] = [];
  for (const line of formText(data, 'headers').split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf(':');
    const name = line.slice(0, at).trim();
    if (at < 1 || !/^[!#$%&'*+.^_|~0-9A-Za-z-]+$/.test(name))
      return `Write each header as Name: value (not "${line.trim()}").`;
    headers.push([name, line.slice(at + 1).trim()]);
  }
  const text = formText(data, 'body');
  if (text && (method === 'GET' || method === 'HEAD'))
    return `A ${method} request has no body: clear it, or choose POST, PUT or PATCH.`;
  return { method, path, headers, body: text ? text : null };
}

/** Copies the form's request as a curl command, or shows it to copy by hand; `state` says which. */
function copyCurl(form: HTMLFormElement, state: HTMLElement, output: HTMLElement) {
  const request = readRequest(form);
  if (typeof request === 'string') {
    state.textContent = request;
    return;
  }
  const command = curlOf(request);
  navigator.clipboard.writeText(command).then(
    () =>
      (state.textContent =
        'Copied a curl command for this request, aimed at localhost:8787 (where wrangler dev serves).'),
    () => {
      output.replaceChildren(h('pre', 'lab-pre', { tabindex: 0, 'aria-label': 'curl command' }, command));
      state.textContent = 'This browser did not allow copying: the curl command is shown below to copy by hand.';
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

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const request = readRequest(form);
    if (typeof request === 'string') {
      state.textContent = request;
      return;
    }
    send.disabled = true;
    state.textContent = reset ? 'Setting the data up afresh, then sending…' : 'Sending…';
    void engine
      .send(code(), request, reset)
      .then((exchange) => {
        reset = false;
        output.replaceChildren(
          h('p', 'font-mono text-sm font-bold', {}, exchangeTitle(exchange)),
          ...exchangeParts(exchange, 4),
        );
        state.textContent = exchange.response
          ? `Answered ${exchange.response.status} ${exchange.response.statusText}.`.replace(' .', '.')
          : `No response: ${exchange.error?.message ?? 'the handler failed'}`;
      })
      .finally(() => (send.disabled = false));
  };
  const resetData = () => {
    reset = true;
    state.textContent = 'The data goes back to the lab’s own rows on your next request.';
  };
  form.addEventListener('submit', submit, { signal });
  part(panel, '[data-panel-reset]', HTMLButtonElement).addEventListener('click', resetData, { signal });
  const curl = part(panel, '[data-panel-curl]', HTMLButtonElement);
  curl.addEventListener('click', () => copyCurl(form, state, output), { signal });
}
