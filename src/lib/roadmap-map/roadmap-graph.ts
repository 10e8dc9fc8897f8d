/**
 * The roadmap map, laid out at build time with ELK (elkjs). Stages are milestones on one path, chained top to
 * bottom; each stage packs its topics as compact one-line nodes in columns, reading order kept; the alternatives
 * of a pick-one group are packed inside one group box; prerequisite roadmaps sit above the first stage.
 * Two arrangements of a stage were tried (see the closing note of the learning-journey issue):
 *  - 'rail': the stage's milestone (number, title, weeks, progress) in a column on the left, on the path line,
 *    topics beside it — the denser one, chosen;
 *  - 'banner': the stage heading across the top, topics below in more columns.
 * The page renders the result as positioned HTML over an SVG of the path; narrow screens get the same list
 * stacked. Pure apart from ELK itself; unit-tested in tests/unit/roadmap-map/roadmap-graph.test.ts.
 */
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { groupAnchor, stageItems, type StageTopic } from '../roadmap/roadmap-structure.ts';
import { MAP, type MapArrangement, milestoneHeight, nodeHeight } from './map-geometry.ts';

export { MAP, nodeHeight, titleLines } from './map-geometry.ts';

export interface MapTopic extends StageTopic {
  title: string;
}
export interface GraphInput {
  stages: { id: string; title: string; topics: MapTopic[] }[];
  prerequisites: string[];
  arrangement?: MapArrangement;
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface GraphLayout {
  width: number;
  height: number;
  stages: (Box & { topics: Box[]; groups: Box[] })[];
  prerequisites: Box[];
  /** The path between milestones, as SVG path data in map coordinates. */
  edges: { id: string; kind: 'order' | 'prerequisite'; path: string }[];
}

/** Node ids are namespaced so a stage, a group, a topic and a roadmap may share a name without colliding. */
const nodeId = {
  stage: (id: string) => `stage:${id}`,
  group: (stage: string, name: string) => `group:${stage}--${name}`,
  topic: (id: string) => `topic:${id}`,
  roadmap: (id: string) => `roadmap:${id}`,
};

const { node, stagePad, groupLabel, groupPad } = MAP;
const columnsWidth = (columns: number) => columns * node.width + (columns - 1) * node.gap;

function contentWidth(arrangement: MapArrangement) {
  return arrangement === 'rail' ? MAP.width - MAP.rail.head - stagePad : MAP.width - 2 * stagePad;
}

const packing = (targetWidth: number, padding: string) => ({
  'elk.algorithm': 'rectpacking',
  'elk.rectpacking.widthApproximation.strategy': 'TARGET_WIDTH',
  'elk.rectpacking.widthApproximation.targetWidth': String(targetWidth),
  'elk.padding': padding,
  'elk.spacing.nodeNode': String(node.gap),
  // Keep authoring order: reading order, tab order and visual order must agree.
  'elk.rectpacking.orderBySize': 'false',
});

const topicNode = (t: MapTopic): ElkNode => ({
  id: nodeId.topic(t.id),
  width: node.width,
  height: nodeHeight(t.title),
});

/** A stage as a compound node: its topics packed in `columns`, each pick-one group a compound node of its own. */
function stageNode(stage: GraphInput['stages'][number], columns: number, arrangement: MapArrangement): ElkNode {
  const stagePadding =
    arrangement === 'rail'
      ? `[top=${stagePad},left=${MAP.rail.head},bottom=${stagePad},right=${stagePad}]`
      : `[top=${MAP.banner.head},left=${stagePad},bottom=${stagePad},right=${stagePad}]`;
  const children: ElkNode[] = stageItems(stage.topics).map((item) =>
    item.kind === 'topic'
      ? topicNode(item.topic)
      : {
          id: nodeId.group(stage.id, item.name),
          layoutOptions: {
            ...packing(
              columnsWidth(Math.min(columns, item.topics.length)),
              `[top=${groupLabel},left=${groupPad},bottom=${groupPad},right=${groupPad}]`,
            ),
            // A group starts a row, and so does what follows it: the rows read like the list.
            'elk.rectpacking.inNewRow': 'true',
          },
          children: item.topics.map(topicNode),
        },
  );
  // What follows a group starts a new row too.
  children.forEach((kid, i) => {
    if (i > 0 && children[i - 1]!.id.startsWith('group:'))
      kid.layoutOptions = { ...kid.layoutOptions, 'elk.rectpacking.inNewRow': 'true' };
  });
  return {
    id: nodeId.stage(stage.id),
    // The milestone column must fit the stage title; the stage is at least that tall.
    layoutOptions: {
      ...packing(columnsWidth(columns), stagePadding),
      'elk.nodeSize.minimum': `(0,${milestoneHeight(stage.title, arrangement)})`,
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    },
    children,
  };
}

/** The path from each stage to the next, and from each prerequisite roadmap to the first stage. */
function graphEdges(input: GraphInput): ElkExtendedEdge[] {
  return [
    ...input.stages.slice(1).map((stage, i) => ({
      id: `order:${input.stages[i]!.id}>${stage.id}`,
      sources: [nodeId.stage(input.stages[i]!.id)],
      targets: [nodeId.stage(stage.id)],
    })),
    ...(input.stages[0]
      ? input.prerequisites.map((id) => ({
          id: `prerequisite:${id}`,
          sources: [nodeId.roadmap(id)],
          targets: [nodeId.stage(input.stages[0]!.id)],
        }))
      : []),
  ];
}

/** The ELK graph for a roadmap: compound stage nodes (with compound groups), path and prerequisite edges. */
export function toElkGraph(input: GraphInput): ElkNode {
  const arrangement = input.arrangement ?? 'rail';
  const columns = Math.max(1, Math.floor((contentWidth(arrangement) + node.gap) / (node.width + node.gap)));
  const stages = input.stages.map((stage) => stageNode(stage, columns, arrangement));
  const prerequisites: ElkNode[] = input.prerequisites.map((id) => ({ id: nodeId.roadmap(id), ...MAP.prerequisite }));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(MAP.stageGap),
      'elk.spacing.nodeNode': String(MAP.stageGap),
      'elk.edgeRouting': 'ORTHOGONAL',
      // Stages line up on the left edge, so the path runs straight down through the milestones.
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
      'elk.alignment': 'LEFT',
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    },
    children: [...prerequisites, ...stages],
    edges: graphEdges(input),
  };
}

const elk = new ELK();

const round = (n: number | undefined) => Math.round(n ?? 0);
const box = (n: ElkNode, strip: string, dx = 0, dy = 0): Box => ({
  id: n.id.slice(strip.length),
  x: round((n.x ?? 0) + dx),
  y: round((n.y ?? 0) + dy),
  width: round(n.width),
  height: round(n.height),
});

type StageBox = GraphLayout['stages'][number];

/**
 * A laid-out stage in map coordinates, with its topics and groups. Every stage spans the map's width at its left
 * edge: the path runs straight down the milestones.
 */
function stageBox(stage: ElkNode): StageBox {
  stage.x = 0;
  stage.width = MAP.width;
  const sx = 0;
  const sy = stage.y ?? 0;
  const topics: Box[] = [];
  const groups: Box[] = [];
  for (const kid of stage.children ?? []) {
    if (kid.id.startsWith('group:')) {
      const [stageId, name] = kid.id.slice('group:'.length).split('--') as [string, string];
      groups.push({ ...box(kid, '', sx, sy), id: groupAnchor(stageId, name) });
      for (const t of kid.children ?? []) topics.push(box(t, 'topic:', sx + (kid.x ?? 0), sy + (kid.y ?? 0)));
    } else topics.push(box(kid, 'topic:', sx, sy));
  }
  return { ...box(stage, 'stage:'), topics, groups };
}

/** Nodes in one row share the row's height, so a row reads as a row even when one title takes two lines. */
function evenRows(stages: StageBox[]) {
  for (const stage of stages) {
    const rowHeight = new Map<number, number>();
    for (const t of stage.topics) rowHeight.set(t.y, Math.max(rowHeight.get(t.y) ?? 0, t.height));
    for (const t of stage.topics) t.height = rowHeight.get(t.y)!;
  }
}

/** Keeps the authoring order of stages and topics whatever order ELK returns them in. */
function authoringOrder(stages: StageBox[], input: GraphInput) {
  const stageRank = new Map(input.stages.map((s, i) => [s.id, i]));
  stages.sort((a, b) => stageRank.get(a.id)! - stageRank.get(b.id)!);
  for (const stage of stages) {
    const input_ = input.stages[stageRank.get(stage.id)!]!;
    const order = stageItems(input_.topics).flatMap((item) =>
      item.kind === 'topic' ? [item.topic.id] : item.topics.map((t) => t.id),
    );
    stage.topics.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  }
}

/** The path: straight down through the milestones (rail) or the stage centres (banner), drawn between stages. */
function pathEdges(stages: StageBox[], prerequisites: Box[], arrangement: MapArrangement): GraphLayout['edges'] {
  const pathX = (s: Box) => (arrangement === 'rail' ? s.x + MAP.rail.railX : s.x + Math.round(s.width / 2));
  const edges: GraphLayout['edges'] = stages.slice(1).map((stage, i) => {
    const from = stages[i]!;
    const path = `M${pathX(from)} ${from.y + from.height} L${pathX(stage)} ${stage.y}`;
    return { id: `order:${from.id}>${stage.id}`, kind: 'order', path };
  });
  const first = stages[0];
  if (first && prerequisites.length) {
    // One dashed line from the row of prerequisites down to the first milestone.
    const top = Math.max(...prerequisites.map((p) => p.y + p.height));
    edges.push({
      id: 'prerequisite',
      kind: 'prerequisite',
      path: `M${pathX(first)} ${top} L${pathX(first)} ${first.y}`,
    });
  }
  return edges;
}

/** Runs ELK and returns absolute coordinates for every stage, group, topic and prerequisite, and the path. */
export async function layoutRoadmapGraph(input: GraphInput): Promise<GraphLayout> {
  const arrangement = input.arrangement ?? 'rail';
  const result = await elk.layout(toElkGraph(input));
  const children = result.children ?? [];
  const stages = children.filter((n) => n.id.startsWith('stage:')).map(stageBox);
  evenRows(stages);
  authoringOrder(stages, input);
  // Prerequisite roadmaps sit in a row above the first stage, from the left.
  let px = 0;
  for (const p of children.filter((n) => n.id.startsWith('roadmap:'))) {
    p.x = px;
    px += MAP.prerequisite.width + MAP.node.gap;
  }
  const prerequisites = children.filter((n) => n.id.startsWith('roadmap:')).map((n) => box(n, 'roadmap:'));
  const edges = pathEdges(stages, prerequisites, arrangement);
  return { width: MAP.width, height: round(result.height), stages, prerequisites, edges };
}
