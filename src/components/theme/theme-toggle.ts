/**
 * <theme-toggle>: a button whose pressed state means "dark theme". The choice is stored in localStorage
 * (THEME_KEY) and read again before first paint by BaseLayout's inline script.
 */
import { THEME_KEY } from '../../lib/site/site.ts';

const systemDark = () => matchMedia('(prefers-color-scheme: dark)').matches;

function currentTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark() ? 'dark' : 'light';
}

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    const render = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    button.addEventListener('click', () => {
      const next = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem(THEME_KEY, next);
      } catch {
        // Storage may be unavailable (private mode, quota); the theme still applies for this page.
      }
      render();
    });
    render();
    button.disabled = false;
  }
}

customElements.define('theme-toggle', ThemeToggle);
