/**
 * Flowcharts and state diagrams, read strictly (see diagram-text.ts). The patterns are beautiful-mermaid 1.1.3's
 * own (beautiful-mermaid/src/parser.ts), so a line means here what it means to the renderer; the difference is that a line must be
 * read to its end, and that what the renderer would ignore (a label given after a box's first use, styling,
 * a stray `end`) is an error.
 */
import {
  type DiagramModel,
  type DiagramWords,
  fail,
  type Link,
  nameOf,
  plain,
  type Statement,
} from './diagram-model.ts';

interface Group {
  label: string;
  members: string[];
  at: Statement;
}

/** Boxes, links and groups of a graph, with the rules both diagram kinds share. */
class Graph {
  readonly boxes = new Map<string, string>();
  readonly links: (Link & { arrow: string })[] = [];
  readonly open: Group[] = [];
  readonly groups: Group[] = [];

  /** A box named with a label: the renderer keeps the label a box had where it first appeared. */
  label(id: string, label: string, s: Statement) {
    const had = this.boxes.get(id);
    if (had === undefined) this.boxes.set(id, label);
    else if (had !== label)
      fail(
        `${id} first appears above as “${had}”, and the renderer keeps that label: give a box its label where it first appears`,
        s,
      );
    this.track(id);
  }

  /** A bare reference: a new box shows its id. */
  use(id: string) {
    if (this.boxes.has(id)) return;
    this.boxes.set(id, id);
    this.track(id);
  }

  private track(id: string) {
    const group = this.open.at(-1);
    if (group && !group.members.includes(id)) group.members.push(id);
  }

  close(s: Statement, word: string) {
    const group = this.open.pop() ?? fail(`\`${word}\` without a group to close`, s);
    if (group.members.length > 0) this.groups.push(group);
  }

  model(
    kind: DiagramModel['kind'],
    body: Statement[],
    words: DiagramWords,
    name = (id: string) => nameOf(this.boxes, id),
  ) {
    const unclosed = this.open.pop();
    if (unclosed) fail(`the group opened here is not closed`, unclosed.at);
    if (this.boxes.size === 0) fail('the diagram has no boxes', body[0]!);
    const linked = new Set(this.links.flatMap((l) => [l.from, l.to]));
    const alone = [...this.boxes.keys()].filter((id) => !linked.has(id) && !id.startsWith('_'));
    const lead = [
      ...this.groups.map((g) => words.group(plain(g.label), g.members.map(name).join(', '))),
      ...(alone.length > 0 ? [words.notConnected(alone.map(name).join(', '))] : []),
    ];
    const steps = this.links.map(
      (l) => `${name(l.from)} ${l.arrow} ${name(l.to)}${l.label ? `: ${plain(l.label)}` : ''}`,
    );
    return {
      kind,
      lead,
      steps,
      links: this.links.map(({ from, to, label }) => ({ from, to, label })),
      boxes: this.boxes,
    };
  }
}

/** Statements that style or script a chart: colours come from the site's stylesheet, and the page runs no diagram code. */
const STYLING = [
  /^classDef\s+(\w+)\s+(.+)$/,
  /^class\s+([\w,-]+)\s+(\w+)$/,
  /^style\s+([\w,-]+)\s+(.+)$/,
  /^linkStyle\s+(default|[\d,\s]+)\s+(.+)$/,
  /^click\s/,
];
const styling = (s: Statement) => {
  if (STYLING.some((p) => p.test(s.text)))
    fail(`“${s.text.split(/\s/)[0]}” is not supported: colours come from the site’s stylesheet, in both themes`, s);
};

const ARROW = /^(<)?(-->|-.->|==>|---|-\.-|===)(?:\|([^|]*)\|)?/;
const TEXT_ARROW = /^(<)?(--|-\.|==)\s+(.+?)\s+(-->|---|\.->|-\.-|==>|===)/;
const NODE_PATTERNS = [
  /^([\w-]+)\(\(\((.+?)\)\)\)/,
  /^([\w-]+)\(\[(.+?)\]\)/,
  /^([\w-]+)\(\((.+?)\)\)/,
  /^([\w-]+)\[\[(.+?)\]\]/,
  /^([\w-]+)\[\((.+?)\)\]/,
  /^([\w-]+)\[\/(.+?)\\\]/,
  /^([\w-]+)\[\\(.+?)\/\]/,
  /^([\w-]+)>(.+?)\]/,
  /^([\w-]+)\{\{(.+?)\}\}/,
  /^([\w-]+)\[(.+?)\]/,
  /^([\w-]+)\((.+?)\)/,
  /^([\w-]+)\{(.+?)\}/,
];
const BARE_NODE = /^([\w-]+)/;
const SUBGRAPH = /^subgraph\s+(.+)$/;

/** One box at the start of `text`, registered in the graph; what follows it. */
function readNode(text: string, graph: Graph, s: Statement): { id: string; rest: string } | undefined {
  for (const pattern of NODE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [whole, id, label] = match;
    if (/^".*"$/.test(label!.trim()))
      fail(`the renderer draws the quotes of “${label}”: write the label without them`, s);
    graph.label(id!, label!, s);
    return { id: id!, rest: text.slice(whole.length).trim() };
  }
  const bare = BARE_NODE.exec(text);
  if (!bare) return undefined;
  graph.use(bare[1]!);
  const rest = text.slice(bare[0].length).trim();
  if (rest.startsWith(':::')) fail('`:::class` is not supported: colours come from the site’s stylesheet', s);
  return { id: bare[1]!, rest };
}

/** Boxes joined by `&`. */
function readNodes(text: string, graph: Graph, s: Statement): { ids: string[]; rest: string } | undefined {
  const first = readNode(text, graph, s);
  if (!first) return undefined;
  const ids = [first.id];
  let rest = first.rest;
  while (rest.startsWith('&')) {
    const next = readNode(rest.slice(1).trim(), graph, s) ?? fail(`expected a box after “&” in “${s.text}”`, s);
    ids.push(next.id);
    rest = next.rest;
  }
  return { ids, rest };
}

/** A line of boxes and arrows: `A[Client] -->|HTTPS| B[Load balancer] --> C`. */
function readChain(s: Statement, graph: Graph) {
  let group =
    readNodes(s.text.replace(/;$/, '').trim(), graph, s) ?? fail(`cannot read “${s.text}” as a flowchart statement`, s);
  while (group.rest !== '') {
    const arrow = ARROW.exec(group.rest);
    const textArrow = arrow ? undefined : TEXT_ARROW.exec(group.rest);
    if (!arrow && !textArrow)
      fail(`cannot read “${group.rest}” in “${s.text}”: expected an arrow such as --> or -->|label|`, s);
    // [whole match, "<" for an arrow back to the start, label, operator that ends the arrow]
    const [whole, back, middle, close] = arrow
      ? [arrow[0], arrow[1], arrow[3], arrow[2]!]
      : [textArrow![0], textArrow![1], textArrow![3], textArrow![4]!];
    const next =
      readNodes(group.rest.slice(whole.length).trim(), graph, s) ??
      fail(`the arrow “${whole}” in “${s.text}” points at no box`, s);
    const both = Boolean(back) && close.endsWith('>');
    const symbol = both ? '↔' : close.endsWith('>') ? '→' : back ? '←' : '—';
    for (const from of group.ids)
      for (const to of next.ids) graph.links.push({ from, to, label: middle?.trim() ?? '', arrow: symbol });
    group = next;
  }
}

export function readFlowchart(body: Statement[], words: DiagramWords): DiagramModel {
  const graph = new Graph();
  for (const s of body) {
    styling(s);
    if (/^direction\s/i.test(s.text)) {
      if (graph.open.length === 0 || !/^direction\s+(TD|TB|LR|BT|RL)$/i.test(s.text))
        fail('`direction TD|LR|…` goes inside a subgraph (the chart’s own is on its first line)', s);
      continue;
    }
    const subgraph = SUBGRAPH.exec(s.text);
    if (subgraph) {
      const named = /^([\w-]+)\s*\[(.+)\]$/.exec(subgraph[1]!.trim());
      graph.open.push({ label: named ? named[2]! : subgraph[1]!.trim(), members: [], at: s });
      continue;
    }
    if (s.text === 'end') graph.close(s, 'end');
    else readChain(s, graph);
  }
  return graph.model('flowchart', body, words);
}

const DIRECTION = /^direction\s+(TD|TB|LR|BT|RL)\s*$/i;
const COMPOSITE = /^state\s+(?:"([^"]+)"\s+as\s+)?([\w\p{L}]+)\s*\{$/u;
const ALIAS = /^state\s+"([^"]+)"\s+as\s+([\w\p{L}]+)\s*$/u;
const TRANSITION = /^(\[\*\]|[\w\p{L}-]+)\s*(-->)\s*(\[\*\]|[\w\p{L}-]+)(?:\s*:\s*(.+))?$/u;
const DESCRIPTION = /^([\w\p{L}-]+)\s*:\s*(.+)$/u;

export function readStateDiagram(body: Statement[], words: DiagramWords): DiagramModel {
  const graph = new Graph();
  const composites = new Map<string, string>();
  let starts = 0;
  let ends = 0;
  // The renderer names each [*] apart: _start, _start2, …; _end, _end2, …
  const pseudo = (kind: 'start' | 'end', n: number) => `_${kind}${n > 1 ? n : ''}`;
  for (const s of body) {
    if (DIRECTION.test(s.text)) continue;
    if (/^linkStyle\s/.test(s.text)) styling(s);
    const composite = COMPOSITE.exec(s.text);
    if (composite) {
      composites.set(composite[2]!, composite[1] ?? composite[2]!);
      graph.open.push({ label: composite[1] ?? composite[2]!, members: [], at: s });
      continue;
    }
    if (s.text === '}') {
      graph.close(s, '}');
      continue;
    }
    const alias = ALIAS.exec(s.text);
    if (alias) {
      graph.label(alias[2]!, alias[1]!, s);
      continue;
    }
    const transition = TRANSITION.exec(s.text);
    if (transition) {
      const [, source, , target, label] = transition;
      const from = source === '[*]' ? pseudo('start', ++starts) : source!;
      const to = target === '[*]' ? pseudo('end', ++ends) : target!;
      for (const id of [from, to]) if (!composites.has(id)) graph.use(id);
      graph.links.push({ from, to, label: label?.trim() ?? '', arrow: '→' });
      continue;
    }
    const description = DESCRIPTION.exec(s.text);
    if (description) {
      graph.label(description[1]!, description[2]!.trim(), s);
      continue;
    }
    fail(`cannot read “${s.text}” as a state diagram statement (notes, forks, choices and styling are not drawn)`, s);
  }
  const point = (id: string) => (id.startsWith('_start') ? words.start : id.startsWith('_end') ? words.end : undefined);
  const name = (id: string) => point(id) ?? plain(composites.get(id) ?? graph.boxes.get(id) ?? id);
  return graph.model('state', body, words, name);
}
