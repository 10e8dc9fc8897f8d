/**
 * "A new version is ready — reload": a newer build's worker is installed and waits, so this page keeps its own
 * build's files. Reloading hands over to the new worker (SKIP_WAITING) and reloads once it controls the page.
 */
let offered = false;

/** `waiting`: the new worker, handed over to on reload; none when it already took over (from another tab). */
export function offerReload(waiting?: ServiceWorker | null) {
  if (offered) return;
  offered = true;
  const notice = document.createElement('aside');
  notice.setAttribute('aria-label', 'New version');
  notice.className =
    'notice no-print fixed inset-x-4 bottom-4 z-50 mx-auto flex max-w-md flex-wrap items-center justify-between gap-3 shadow-lg';
  const text = document.createElement('p');
  text.setAttribute('role', 'status');
  text.textContent = 'A new version is ready.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn btn-primary';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    if (waiting?.state !== 'installed') return location.reload();
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  notice.append(text, button);
  document.body.append(notice);
}
