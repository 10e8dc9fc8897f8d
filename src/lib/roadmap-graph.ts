/**
 * The roadmap graph, laid out at build time with ELK (elkjs): each stage is a box that packs its topic nodes,
 * stages are chained top to bottom by "then" edges, and prerequisite roadmaps sit above the first stage.
 * The page renders the result as positioned HTML (the nodes are the links) over an SVG of the edges, so the
 * graph is complete without JavaScript. Pure apart from ELK itself; unit-tested in tests/unit/roadmap-graph.test.ts.
 */
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';

/** The width the wide layout aims for, in CSS pixels; narrower screens get a stacked layout in CSS instead. */
export const GRAPH_WIDTH = 1040;
/** Viewport width from which the ELK layout is used (keep in step with the .rg rules in global.css). */
export const WIDE_SCREEN = 1088;
export const TOPIC_SIZE = { width: 236, height: 64 };
export const PREREQUISITE_SIZE = { width: 236, height: 48 };
/** Room at the top of a stage box for its heading and week range. */
const STAGE_HEADER = 64;
const STAGE_PADDING = 16;

export interface GraphInput {
  stages: { id: string; topicIds: string[] }[];
  prerequisites: string[];
}

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface GraphLayout {
  width: number;
  height: number;
  stages: (Box & { topics: Box[] })[];
  prerequisites: Box[];
  /** Edges as SVG path data, in graph coordinates. */
  edges: { id: string; kind: 'order' | 'prerequisite'; path: string }[];
}

/** Node ids are namespaced so a stage, a topic and a roadmap may share a name without colliding in ELK. */
const nodeId = { stage: (id: string) => `stage:${id}`, topic: (id: string) => `topic:${id}`, roadmap: (id: string) => `roadmap:${id}` };

/** The ELK graph for a roadmap: compound stage nodes, topic children, order and prerequisite edges. */
export function toElkGraph(input: GraphInput): ElkNode {
  const stages: ElkNode[] = input.stages.map((stage) => ({
    id: nodeId.stage(stage.id),
    layoutOptions: {
      'elk.algorithm': 'rectpacking',
      'elk.rectpacking.widthApproximation.strategy': 'TARGET_WIDTH',
      'elk.rectpacking.widthApproximation.targetWidth': String(GRAPH_WIDTH - 2 * STAGE_PADDING),
      'elk.padding': `[top=${STAGE_HEADER},left=${STAGE_PADDING},bottom=${STAGE_PADDING},right=${STAGE_PADDING}]`,
      'elk.spacing.nodeNode': '12',
      // Keep authoring order: reading order, tab order and visual order must agree.
      'elk.rectpacking.orderBySize': 'false',
    },
    children: stage.topicIds.map((id) => ({ id: nodeId.topic(id), ...TOPIC_SIZE })),
  }));
  const prerequisites: ElkNode[] = input.prerequisites.map((id) => ({ id: nodeId.roadmap(id), ...PREREQUISITE_SIZE }));
  const edges: ElkExtendedEdge[] = [
    ...input.stages.slice(1).map((stage, i) => ({
      id: `order:${input.stages[i]!.id}>${stage.id}`,
      sources: [nodeId.stage(input.stages[i]!.id)],
      targets: [nodeId.stage(stage.id)],
    })),
    ...(input.stages[0]
      ? input.prerequisites.map((id) => ({ id: `prerequisite:${id}`, sources: [nodeId.roadmap(id)], targets: [nodeId.stage(input.stages[0]!.id)] }))
      : []),
  ];
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.spacing.nodeNode': '24',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
    },
    children: [...prerequisites, ...stages],
    edges,
  };
}

const elk = new ELK();

function pathOf(edge: ElkExtendedEdge): string {
  return (edge.sections ?? [])
    .map((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p, i) => `${i === 0 ? 'M' : 'L'}${Math.round(p.x)} ${Math.round(p.y)}`).join(' '))
    .join(' ');
}

const round = (n: number | undefined) => Math.round(n ?? 0);
const box = (node: ElkNode, strip: string, dx = 0, dy = 0): Box => ({
  id: node.id.slice(strip.length),
  x: round((node.x ?? 0) + dx),
  y: round((node.y ?? 0) + dy),
  width: round(node.width),
  height: round(node.height),
});

/** Runs ELK and returns absolute coordinates for every stage, topic, prerequisite and edge. */
export async function layoutRoadmapGraph(input: GraphInput): Promise<GraphLayout> {
  const result = await elk.layout(toElkGraph(input));
  const children = result.children ?? [];
  const stages = children
    .filter((n) => n.id.startsWith('stage:'))
    .map((stage) => ({
      ...box(stage, 'stage:'),
      topics: (stage.children ?? []).map((t) => box(t, 'topic:', stage.x ?? 0, stage.y ?? 0)),
    }));
  // Keep the authoring order of stages and topics whatever order ELK returns them in.
  const stageRank = new Map(input.stages.map((s, i) => [s.id, i]));
  stages.sort((a, b) => stageRank.get(a.id)! - stageRank.get(b.id)!);
  for (const stage of stages) {
    const order = input.stages[stageRank.get(stage.id)!]!.topicIds;
    stage.topics.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  }
  return {
    width: round(result.width),
    height: round(result.height),
    stages,
    prerequisites: children.filter((n) => n.id.startsWith('roadmap:')).map((n) => box(n, 'roadmap:')),
    edges: (result.edges ?? []).map((e) => ({ id: e.id, kind: e.id.startsWith('order:') ? 'order' : 'prerequisite', path: pathOf(e) })),
  };
}
