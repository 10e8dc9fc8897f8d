/**
 * A design written back as its text (parse.ts reads it): parts in their order, their parameters in the order
 * parts.ts lists them, then the calls. parseDesign(formatDesign(d)) gives d back. SHARED BY BUILD AND BROWSER CODE.
 */
import type { Call, Design, Part } from './model.ts';
import { PARAMS } from './parts.ts';
import { formatQuantity } from './units.ts';

function partText(part: Part): string {
  const lines = [`${part.kind} ${part.name}`];
  for (const [name, spec] of Object.entries(PARAMS[part.kind])) {
    const value = part.params[name];
    if (value === undefined) continue;
    lines.push(
      `  ${name} ${typeof value === 'number' && spec.type === 'number' ? formatQuantity(value, spec.unit) : value}`,
    );
  }
  if (part.zones.length > 0) lines.push(`  zones ${part.zones.join(' ')}`);
  return lines.join('\n');
}

/** `api calls db for writes async 50 %` */
export function callText(call: Call): string {
  return [
    `${call.from} calls ${call.to}`,
    call.for === 'all' ? '' : `for ${call.for}`,
    call.toRead ? 'to read' : '',
    call.mode === 'async' ? 'async' : '',
    call.perFollower ? 'per follower' : '',
    call.share === 100 ? '' : `${formatQuantity(call.share, '%')}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The text of a design. */
export function formatDesign(design: Design): string {
  const blocks = design.parts.map(partText);
  if (design.calls.length > 0) blocks.push(design.calls.map(callText).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
