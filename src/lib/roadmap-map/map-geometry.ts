/**
 * The geometry of the roadmap map, shared by the layout (roadmap-graph.ts), the per-page stylesheet
 * (RoadmapMap.astro) and the map's CSS: its sizes, and how much room a title and a stage's milestone take.
 * Text is measured by estimate, not by a font engine, erring towards a line too many.
 */

export type MapArrangement = 'rail' | 'banner';

/** The geometry of the map: the layout, the per-page stylesheet and the map's CSS all read it. */
export const MAP = {
  /** Width of the laid-out map in CSS px. */
  width: 1216,
  /** Viewport width from which the laid-out map is used; narrower screens get the stacked list. */
  wideScreen: 1280,
  /** Column width of a topic node and the gap between nodes. */
  node: { width: 233, line: 18, padY: 5, gap: 6 },
  /** Room for a title's text in a node: its width less the padding and the Done box, in px. */
  textWidth: 188,
  /** The milestone column of the 'rail' arrangement; the path runs through its circles at railX. */
  rail: { head: 232, railX: 20 },
  /** Height of the heading of the 'banner' arrangement. */
  banner: { head: 40 },
  stagePad: 9,
  /** Space above a pick-one group's alternatives for its "Pick one" label. */
  groupLabel: 22,
  groupPad: 6,
  prerequisite: { width: 300, height: 36 },
  /** Vertical gap between stages. */
  stageGap: 12,
} as const;

const { node, stagePad } = MAP;
/**
 * Rough advance widths at the node's 13px semibold type, on the wide side (DejaVu Sans, the widest common
 * system font), so an estimate errs towards a line too many, never a clipped title.
 */
function charWidth(c: string): number {
  if (c === ' ') return 4.3;
  if ("iljtfr.,:;!|()[]'/-".includes(c)) return 5.2;
  if ('mwMW'.includes(c)) return 11.6;
  if (c >= 'A' && c <= 'Z') return 9.4;
  if (c >= '0' && c <= '9') return 8.4;
  return 8.0;
}
/** Estimated width of a run of text; 8 % on top of the table keeps long words from overflowing a line. */
const textWidth = (text: string) => 1.08 * [...text].reduce((w, c) => w + charWidth(c), 0);

/** Lines a title takes when wrapped at spaces into `width` px; the node grows with it, it never clips. */
export function titleLines(title: string, width: number = MAP.textWidth): number {
  let lines = 1;
  let line = 0;
  for (const word of title.split(/\s+/)) {
    const w = textWidth(word);
    if (line > 0 && line + 1.08 * charWidth(' ') + w > width) {
      lines += 1;
      line = w;
    } else line += (line > 0 ? 1.08 * charWidth(' ') : 0) + w;
  }
  return lines;
}
export const nodeHeight = (title: string) => titleLines(title) * node.line + 2 * node.padY + 2;

/** Height the milestone of a stage needs: its title (wrapped to the column) and a line of weeks and progress. */
export function milestoneHeight(title: string, arrangement: MapArrangement = 'rail'): number {
  if (arrangement === 'banner') return MAP.banner.head;
  // The head column holds about 19 characters of the title per 20 px line, then weeks, progress and the link.
  const lines = Math.max(1, Math.ceil(title.length / 19));
  return stagePad + lines * 20 + 2 * 20 + stagePad;
}
