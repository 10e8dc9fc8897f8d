/**
 * Reading a diagram's Mermaid text, line by line, the way beautiful-mermaid reads it (its 1.1.3 grammar, the
 * regular expressions copied from its parsers), but strictly: the renderer skips a line it does not understand,
 * this reader rejects it with its line number, so a typo fails the build instead of vanishing from the picture.
 * What it reads becomes the text alternative: the steps of a sequence, the edges of a flow, the transitions of a
 * state machine. diagrams.ts checks that the renderer drew the same links, so the two cannot drift apart.
 */
import { readFlowchart, readStateDiagram } from './diagram-graphs.ts';
import { en } from '../i18n/dictionary/en.ts';
import {
  type DiagramModel,
  type DiagramWords,
  fail,
  type Link,
  nameOf,
  plain,
  type Statement,
} from './diagram-model.ts';

// The error readDiagram throws, for callers that catch it.
export { DiagramSyntaxError } from './diagram-model.ts';

export interface Diagram extends DiagramModel {
  /** The caption, from the `%% caption:` line. */
  caption: string;
  /** The text handed to the renderer: the statements, without the caption, comments and blank lines. */
  source: string;
}

const CAPTION = /^%%\s*caption:\s*(.*)$/i;

/** The diagram kinds the renderer draws, by their first line. */
const READERS: { header: RegExp; read: (body: Statement[], words: DiagramWords) => DiagramModel }[] = [
  { header: /^sequenceDiagram$/, read: readSequence },
  { header: /^stateDiagram(-v2)?$/i, read: readStateDiagram },
  { header: /^(graph|flowchart)\s+(TD|TB|LR|BT|RL)$/i, read: readFlowchart },
];

/**
 * Reads a fenced ```mermaid block: the caption line, then a sequence diagram, flowchart or state diagram.
 * Throws a DiagramSyntaxError naming the line of the first problem. The text alternative is in `words`' language.
 */
export function readDiagram(text: string, words: DiagramWords = en.diagram): Diagram {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) fail('the diagram is empty', 1);
  const caption = CAPTION.exec(lines[first]!.trim())?.[1]?.trim();
  if (!caption)
    fail('a diagram starts with its caption, on a line of its own: `%% caption: What the diagram shows`', first + 1);
  const statements: Statement[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (i <= first || text === '') return;
    if (text.startsWith('%%{'))
      fail(
        'configuration directives (`%%{…}%%`) are not supported: the site’s stylesheet sets colours and fonts',
        i + 1,
      );
    if (!text.startsWith('%%')) statements.push({ text, line: i + 1 });
  });
  const [header, ...body] = statements;
  if (!header) return fail('the caption is followed by no diagram', first + 1);
  const reader = READERS.find((r) => r.header.test(header.text));
  if (!reader) {
    return fail(
      `unknown diagram type “${header.text}”: start with sequenceDiagram, flowchart LR (or TD, RL, BT) or stateDiagram-v2`,
      header,
    );
  }
  if (body.length === 0) fail('the diagram has nothing after its first line', header);
  return { ...reader.read(body, words), caption: caption!, source: statements.map((s) => s.text).join('\n') };
}

// Sequence diagrams. The renderer tries these in this order; so does the reader.
const ACTOR = /^(participant|actor)\s+(\S+?)(?:\s+as\s+(.+))?$/;
const NOTE = /^Note\s+(left of|right of|over)\s+([^:]+):\s*(.+)$/i;
const BLOCK = /^(loop|alt|opt|par|critical|break|rect)\s*(.*)$/;
const DIVIDER = /^(else|and)\s*(.*)$/;
const MESSAGE = /^(\S+?)\s*(--?>?>|--?[)x]|--?>>|--?>)\s*([+-]?)(\S+?)\s*:\s*(.+)$/;
/** Mermaid statements the renderer does not draw: rejected, so the author is not left wondering where they went. */
const UNDRAWN =
  /^(activate|deactivate|autonumber|title|box|create|destroy|links?|properties|details|accTitle|accDescr)\b/i;

/** A sequence diagram read so far: its participants, the steps in words, the messages, the blocks still open. */
interface SequenceReading {
  words: DiagramWords;
  boxes: Map<string, string>;
  steps: string[];
  links: Link[];
  open: { type: string; at: Statement }[];
}

/** `participant A as Label`, or a note over participants; false when the statement is neither. */
function readParticipantOrNote(s: Statement, r: SequenceReading): boolean {
  const declared = ACTOR.exec(s.text);
  if (declared) {
    const [, , id, label] = declared;
    if (r.boxes.has(id!))
      fail(
        `participant ${id} is already declared or used above: declare each participant once, before its first message`,
        s,
      );
    r.boxes.set(id!, label?.trim() ?? id!);
    return true;
  }
  const note = NOTE.exec(s.text);
  if (!note) return false;
  // beautiful-mermaid 1.1.3 draws no note that comes before the first message, and says nothing.
  if (r.links.length === 0)
    fail('a note before the first message is not drawn: put it after a message, or the point in the prose', s);
  const ids = note[2]!.split(',').map((id) => id.trim());
  for (const id of ids) if (!r.boxes.has(id)) r.boxes.set(id, id);
  const where = note[1]!.toLowerCase() as 'left of' | 'right of' | 'over';
  const who = ids.map((id) => nameOf(r.boxes, id)).join(` ${r.words.and} `);
  r.steps.push(r.words.note(where, who, plain(note[3]!)));
  return true;
}

/** A block's start (loop, alt…), a divider inside one (else, and), or its `end`; false when the statement is none. */
function readBlockPart(s: Statement, r: SequenceReading): boolean {
  const block = BLOCK.exec(s.text);
  if (block) {
    const [, type, label] = block;
    if (s.text.split(/\s/)[0] !== type)
      fail(`“${s.text}” starts with “${type}”, which the renderer reads as a block; rename the participant`, s);
    if (type === 'rect') fail('`rect` blocks colour the background; colours come from the site’s stylesheet', s);
    r.open.push({ type: type!, at: s });
    r.steps.push(`${blockName(r, type!)}${label ? `: ${plain(label)}` : ''}`);
    return true;
  }
  const divider = DIVIDER.exec(s.text);
  if (divider && r.open.length > 0) {
    if (s.text.split(/\s/)[0] !== divider[1])
      fail(`“${s.text}” starts with “${divider[1]}”, which the renderer reads as a divider; rename the participant`, s);
    r.steps.push(
      `${divider[1] === 'else' ? r.words.otherwise : r.words.alsoAt}${divider[2] ? `: ${plain(divider[2])}` : ''}`,
    );
    return true;
  }
  if (s.text !== 'end') return false;
  const closed = r.open.pop() ?? fail('`end` without a block (loop, alt, opt, par, critical, break) to close', s);
  r.steps.push(r.words.endOf(blockName(r, closed.type)));
  return true;
}

/** A message `A->>B: label`; fails on anything else, naming what the renderer would not draw. */
function readMessage(s: Statement, r: SequenceReading) {
  if (UNDRAWN.test(s.text))
    fail(`“${s.text.split(/\s/)[0]}” is not drawn by the site’s diagram renderer; leave it out`, s);
  const message = MESSAGE.exec(s.text);
  if (!message) {
    const hint = /-/.test(s.text) && !s.text.includes(':') ? ' (a message needs a label: `A->>B: what is sent`)' : '';
    fail(`cannot read “${s.text}” as a sequence diagram statement${hint}`, s);
  }
  const [, from, , , to, label] = message!;
  for (const id of [from!, to!]) if (!r.boxes.has(id)) r.boxes.set(id, id);
  r.links.push({ from: from!, to: to!, label: label! });
  r.steps.push(`${nameOf(r.boxes, from!)} → ${nameOf(r.boxes, to!)}: ${plain(label!)}`);
}

/** A block's name in the reading's words: Loop, Alternative… */
const blockName = (r: SequenceReading, type: string) => r.words.blocks[type as keyof DiagramWords['blocks']];

function readSequence(body: Statement[], words: DiagramWords): DiagramModel {
  const r: SequenceReading = { words, boxes: new Map(), steps: [], links: [], open: [] };
  for (const s of body) if (!readParticipantOrNote(s, r) && !readBlockPart(s, r)) readMessage(s, r);
  const unclosed = r.open.pop();
  if (unclosed) fail(`the ${unclosed.type} block opened here has no \`end\``, unclosed.at);
  const lead = [words.participants([...r.boxes.keys()].map((id) => nameOf(r.boxes, id)).join(', '))];
  return { kind: 'sequence', lead, steps: r.steps, links: r.links, boxes: r.boxes };
}
