/**
 * Registers the service worker built into /sw.js (production builds only), and when a newer build's worker is
 * waiting while this page is controlled, offers to reload (update-notice.ts, loaded only then). On every page:
 * keep it tiny (no imports: a shared chunk would cost a request and Vite's preload helper on every page).
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const offer = (waiting?: ServiceWorker | null) =>
    void import('./update-notice.ts').then((notice) => notice.offerReload(waiting));
  const waits = (registration: ServiceWorkerRegistration) =>
    registration.waiting && navigator.serviceWorker.controller && offer(registration.waiting);
  // Another tab let the new build's worker take over: this page's own build is gone from the caches, so reload too.
  if (navigator.serviceWorker.controller) navigator.serviceWorker.addEventListener('controllerchange', () => offer());
  // '/sw.js' is WORKER_URL (src/lib/offline/cache-rules.ts). After load, so precaching the shell never competes with the page's own first view.
  addEventListener(
    'load',
    () =>
      void navigator.serviceWorker.register('/sw.js').then(
        (registration?: ServiceWorkerRegistration) => {
          // Some environments (automation that blocks workers) resolve without a registration.
          if (!registration) return;
          waits(registration);
          registration.addEventListener('updatefound', () =>
            registration.installing?.addEventListener('statechange', () => waits(registration)),
          );
        },
        () => {
          // No worker (private mode, blocked storage): the site works online as before.
        },
      ),
  );
}
