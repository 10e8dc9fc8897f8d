/**
 * What the diagram readers make of a diagram's Mermaid text (diagram-text.ts reads sequence diagrams and the
 * caption, diagram-graphs.ts flowcharts and state diagrams), and the helpers both readers share: a line's text,
 * the error that names it, and labels as a listener hears them.
 */
import type { Messages } from '../i18n/dictionary/messages.ts';

/** A problem in a diagram's text, at a line of the fenced block (1 = the first line inside the fence). */
export class DiagramSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'DiagramSyntaxError';
    this.line = line;
  }
}

type DiagramKind = 'sequence' | 'flowchart' | 'state';

/** A message, edge or transition by the ids the renderer gives its ends; compared with the drawing. */
export interface Link {
  from: string;
  to: string;
  label: string;
}

/** What a diagram says, as the reader understood it. */
/** The words a diagram's text alternative is written in: one language's `diagram` words (src/i18n/dictionary/). */
export type DiagramWords = Messages['diagram'];

export interface DiagramModel {
  kind: DiagramKind;
  /** Sentences read before the list: who takes part, what is grouped. */
  lead: string[];
  /** One sentence per message, note, edge or transition, in the order of the text. */
  steps: string[];
  links: Link[];
  /** Box labels by id (participants, nodes, states), as the renderer prints them. */
  boxes: Map<string, string>;
}

/** One line of the diagram: its trimmed text and its line in the block (1-based). */
export interface Statement {
  text: string;
  line: number;
}

export const fail = (message: string, at: Statement | number): never => {
  throw new DiagramSyntaxError(message, typeof at === 'number' ? at : at.line);
};

/** A label as a listener hears it: line breaks (`<br>`) as spaces, inline formatting tags dropped. */
export const plain = (label: string) =>
  label
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:b|strong|i|em|u|s|del)\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The label a box's id shows (the id itself when it was never given one). */
export const nameOf = (boxes: Map<string, string>, id: string) => plain(boxes.get(id) ?? id);
