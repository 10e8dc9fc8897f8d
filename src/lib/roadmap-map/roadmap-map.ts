/**
 * A roadmap's map as its page draws it: the stages with their topics resolved, the ELK layout, and the wide-screen
 * stylesheet that places every box at its computed coordinates (the CSP forbids style attributes, so positions
 * are a per-page stylesheet, allowed through its hash). The page builds it in its frontmatter: the stylesheet's
 * hash must be known before the page's <head>, which carries the CSP, is written.
 */
import { indexById, resolve, type Roadmap, type Topic, topicHasLab, toStageTopic } from '../content/content.ts';
import { type GraphLayout, layoutRoadmapGraph, MAP } from './roadmap-graph.ts';
import { groupAnchor, stageItems } from '../roadmap/roadmap-structure.ts';

type Rect = { x: number; y: number; width: number; height: number };

/** The stylesheet's scope: the map's container. */
const on = '.rg';
/** Diameter of a stage's number circle, in px (roadmap.css draws it). */
const circle = 32;

export async function roadmapMap(roadmap: Roadmap, topics: readonly Topic[], prerequisites: readonly Roadmap[]) {
  const topicById = indexById(topics);
  const stages = roadmap.data.stages.map((stage, i) => {
    const refs = stage.topics.map(toStageTopic).map((ref) => {
      const topic = resolve(topicById, ref.id);
      return { ...ref, topic, title: topic.data.title };
    });
    return { ...stage, number: i + 1, refs, items: stageItems(refs) };
  });
  // A node's title is measured with its "lab" tag, which sits on the title's last line: about 40 px, measured as a
  // word of three wide capitals (erring wide, as titleLines does).
  const hasLab = new Set(
    (await Promise.all(stages.flatMap((s) => s.refs).map(async (r) => ((await topicHasLab(r.id)) ? r.id : '')))).filter(
      Boolean,
    ),
  );
  const layout = await layoutRoadmapGraph({
    stages: stages.map((s) => ({
      id: s.id,
      title: s.title,
      topics: s.refs.map((r) => ({ ...r, title: hasLab.has(r.id) ? `${r.title} MMM` : r.title })),
    })),
    prerequisites: prerequisites.map((p) => p.id),
  });
  return { stages, layout, prerequisites, css: wideScreenCss(stages, layout) };
}

export type RoadmapMapModel = Awaited<ReturnType<typeof roadmapMap>>;

/** From MAP.wideScreen: the map's static rules and every box's position, from the same MAP constants as the layout. */
function wideScreenCss(
  stages: readonly { id: string; items: ReturnType<typeof stageItems> }[],
  layout: GraphLayout,
): string {
  const at = (id: string, box: Rect, origin = { x: 0, y: 0 }) =>
    `${on} [id="${id}"]{left:${box.x - origin.x}px;top:${box.y - origin.y}px;width:${box.width}px;height:${box.height}px}`;
  const { rail, stagePad } = MAP;
  const wideRules = [
    `${on}{position:relative;margin-inline:auto;height:${layout.height}px;width:${layout.width}px}`,
    `${on} .rg-edges{display:block;position:absolute;inset:0 auto auto 0}`,
    `${on} :is(.rg-stage,.rg-group,.rg-topic,.rg-prereq){position:absolute;margin:0;grid-column:auto}`,
    `${on} .rg-stage{padding:0;border:1px solid var(--c-border);border-radius:var(--radius-lg);background:var(--c-raised);box-shadow:var(--shadow-card)}`,
    `${on} .rg-stage::before{display:block;left:${rail.railX - 2.5}px;top:${stagePad + circle}px;bottom:-1px}`,
    `${on} .rg-stage-head{position:absolute;left:0;top:0;width:${rail.head}px;padding:${stagePad - 3}px ${stagePad}px 0 ${rail.railX + circle / 2 + 8}px}`,
    `${on} .rg-stage-number{left:${rail.railX - circle / 2 - 1}px;top:${stagePad - 1}px}`,
    `${on} .rg-stage-title{font-size:0.9375rem}`,
    `${on} :is(.rg-topics,.rg-group-topics){display:block}`,
    `${on} .rg-topic{display:flex;align-items:center;padding-block:${MAP.node.padY}px;line-height:${MAP.node.line}px}`,
  ];
  return [
    `@media screen and (min-width:${MAP.wideScreen}px){`,
    ...wideRules,
    ...layout.prerequisites.map((p) => at(`before-${p.id}`, p)),
    ...layout.stages.flatMap((stage) => {
      const groupOf = new Map<string, Rect>();
      for (const g of stage.groups) groupOf.set(g.id, g);
      const inGroup = new Map<string, Rect>();
      for (const item of stages.find((s) => s.id === stage.id)!.items) {
        if (item.kind === 'group')
          for (const t of item.topics) inGroup.set(t.id, groupOf.get(groupAnchor(stage.id, item.name))!);
      }
      return [
        at(stage.id, stage),
        ...stage.groups.map((g) => at(g.id, g, stage)),
        ...stage.topics.map((t) => at(t.id, t, inGroup.get(t.id) ?? stage)),
      ];
    }),
    '}',
  ].join('');
}
