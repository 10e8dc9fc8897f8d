/**
 * The Backend Atlas mark — a route from a start point to a marked destination — drawn once here and used by the
 * header (SiteMark.astro), the favicon and the touch icons (src/pages/*.png.ts, rendered at build time).
 */
export const MARK = {
  viewBox: '0 0 32 32',
  route: 'M9 23.5c0-6 4-7 7-7.5s7-1.5 7-7.5',
  start: { cx: 9, cy: 23.5, r: 3.25 },
  end: { cx: 23, cy: 8.5, r: 3.5 },
  /** Light and dark theme colours of the tile, the route and the destination. */
  light: { tile: '#4338ca', route: '#ffffff', end: '#fb923c' },
  dark: { tile: '#a5b4fc', route: '#14173a', end: '#fb923c' },
} as const;

/** The installed app's colours (web app manifest): its title bar is the mark's tile, its splash the light page background (--c-bg). */
export const THEME = { brand: MARK.light.tile, background: '#f8f9fc' } as const;

/** The mark as a stand-alone SVG file; `adaptive` follows the system theme (favicon), `padding` insets it (touch icons). */
export function markSvg({
  adaptive = false,
  size = 32,
  padding = 0,
}: { adaptive?: boolean; size?: number; padding?: number } = {}): string {
  const { light, dark, start, end } = MARK;
  const style = adaptive
    ? `<style>.t{fill:${light.tile}}.r{stroke:${light.route}}.s{fill:${light.route}}@media (prefers-color-scheme:dark){.t{fill:${dark.tile}}.r{stroke:${dark.route}}.s{fill:${dark.route}}}</style>`
    : `<style>.t{fill:${light.tile}}.r{stroke:${light.route}}.s{fill:${light.route}}</style>`;
  const inner = 32 - 2 * padding;
  const scale = inner / 32;
  const body =
    `<rect class="t" width="32" height="32" rx="${padding ? 0 : 8}"/>` +
    `<g transform="translate(${padding} ${padding}) scale(${scale})">` +
    `<path class="r" d="${MARK.route}" fill="none" stroke-width="3" stroke-linecap="round"/>` +
    `<circle class="s" cx="${start.cx}" cy="${start.cy}" r="${start.r}"/>` +
    `<circle cx="${end.cx}" cy="${end.cy}" r="${end.r}" fill="${light.end}"/></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${MARK.viewBox}">${style}${body}</svg>`;
}
