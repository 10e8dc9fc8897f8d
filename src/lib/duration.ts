/** "4–5 months", "2 weeks": a duration range as the site writes it. Plain code, so build steps outside Astro use it too. */
export function formatDuration(d: { min: number; max: number; unit: string }): string {
  const unit = d.max === 1 ? d.unit.replace(/s$/, '') : d.unit;
  return d.min === d.max ? `${d.min} ${unit}` : `${d.min}–${d.max} ${unit}`;
}
