/**
 * A design as a graph to draw: nodes with a label and a one-line summary of their parameters, edges with what the
 * call is for; and as Mermaid flowchart source, which the site draws at build time. SHARED BY BUILD AND BROWSER CODE.
 */
import type { Design, Part } from './model.ts';
import { PARAMS } from './parts.ts';
import { formatQuantity } from './units.ts';
import { callText } from './format.ts';

export interface GraphNode {
  /** The part's name, unique. */
  readonly id: string;
  readonly kind: Part['kind'];
  /** "service api" */
  readonly label: string;
  /** The parameters written, "instances 4 · time 3 ms"; empty when all are defaults. */
  readonly detail: string;
  readonly zones: readonly string[];
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** "for writes · async · 50 %"; empty for a plain sync call for every request. */
  readonly label: string;
  readonly mode: 'sync' | 'async';
  /** The whole call as its text line, for a screen reader's list. */
  readonly text: string;
}

export interface DesignGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

function detail(part: Part): string {
  return Object.entries(PARAMS[part.kind])
    .filter(([name]) => part.params[name] !== undefined)
    .map(([name, spec]) => {
      const value = part.params[name];
      return `${name} ${typeof value === 'number' && spec.type === 'number' ? formatQuantity(value, spec.unit) : value}`;
    })
    .join(' · ');
}

/** The nodes and edges of a design, in its order. */
export function designGraph(design: Design): DesignGraph {
  return {
    nodes: design.parts.map((part) => ({
      id: part.name,
      kind: part.kind,
      label: `${part.kind} ${part.name}`,
      detail: detail(part),
      zones: part.zones,
    })),
    edges: design.calls.map((call) => ({
      from: call.from,
      to: call.to,
      mode: call.mode,
      label: [
        call.for === 'all' ? '' : `for ${call.for}`,
        call.toRead ? 'to read' : '',
        call.mode === 'async' ? 'async' : '',
        call.perFollower ? 'per follower' : '',
        call.share === 100 ? '' : `${call.share} %`,
      ]
        .filter(Boolean)
        .join(' · '),
      text: callText(call),
    })),
  };
}

/** Mermaid shapes by kind: a database is a cylinder, a queue a parallelogram, traffic a circle. */
const SHAPE: Record<Part['kind'], [string, string]> = {
  traffic: ['((', '))'],
  cdn: ['{{', '}}'],
  limiter: ['{{', '}}'],
  lb: ['[/', '\\]'],
  service: ['[', ']'],
  cache: ['[(', ')]'],
  database: ['[(', ')]'],
  queue: ['[/', '/]'],
  storage: ['[(', ')]'],
};

const quoted = (text: string) => `"${text.replaceAll('"', "'")}"`;

/** The design as a Mermaid flowchart, left to right; async calls are dotted arrows. */
export function designMermaid(design: Design): string {
  const { nodes, edges } = designGraph(design);
  const lines = ['flowchart LR'];
  nodes.forEach((node, index) => {
    const [open, close] = SHAPE[node.kind];
    const text = node.detail ? `${node.label}<br/>${node.detail}` : node.label;
    lines.push(`  n${index}${open}${quoted(text)}${close}`);
  });
  const ids = new Map(nodes.map((node, index) => [node.id, `n${index}`]));
  for (const edge of edges) {
    const arrow = edge.mode === 'async' ? '-.->' : '-->';
    const label = edge.label ? `|${quoted(edge.label)}|` : '';
    lines.push(`  ${ids.get(edge.from) ?? edge.from} ${arrow}${label} ${ids.get(edge.to) ?? edge.to}`);
  }
  return lines.join('\n');
}
