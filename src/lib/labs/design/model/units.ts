/**
 * Quantities in the text format: a number (`20000`, `20_000`, `20k`, `1.5M`) and an optional unit, converted to
 * the unit the parameter is kept in. SHARED BY BUILD AND BROWSER CODE.
 */
import type { Unit } from './parts.ts';

/** For each unit a value is kept in, the units it may be written in and how many of the kept unit each one is. */
const ALIASES: Record<Unit, Record<string, number>> = {
  ms: { ms: 1, s: 1000, us: 0.001, µs: 0.001, min: 60_000 },
  s: { s: 1, ms: 0.001, min: 60, h: 3600 },
  'req/s': { 'req/s': 1, rps: 1, '/s': 1, 'req/min': 1 / 60 },
  '%': { '%': 1 },
  GB: { GB: 1, MB: 0.001, TB: 1000, KB: 1e-6 },
  KB: { KB: 1, B: 0.001, MB: 1000, GB: 1e6 },
  '$/month': { '$/month': 1, $: 1 },
  '': {},
};

const NUMBER = /^(\d[\d_]*(?:\.\d+)?|\.\d+)([kM]?)$/;

/** The number a word like `20k` or `1.5M` stands for, or undefined. */
export function parseNumber(word: string): number | undefined {
  const match = NUMBER.exec(word);
  if (!match) return undefined;
  const value = Number((match[1] ?? '').replaceAll('_', ''));
  const scale = match[2] === 'k' ? 1e3 : match[2] === 'M' ? 1e6 : 1;
  return Number.isFinite(value) ? value * scale : undefined;
}

/** The units a value kept in `unit` may be written in, for messages. */
export const unitsFor = (unit: Unit) => Object.keys(ALIASES[unit]);

/**
 * `value` written in `written` (empty: the kept unit itself), converted to `unit`; undefined when that unit does not
 * measure the same thing.
 */
export function convert(value: number, written: string, unit: Unit): number | undefined {
  if (written === '' || written === unit) return value;
  const factor = ALIASES[unit][written];
  return factor === undefined ? undefined : value * factor;
}

/** How a value is written back: `20000 req/s`, `3 ms`, `90 %`, `4`. */
export function formatQuantity(value: number, unit: Unit): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return unit === '' ? text : `${text} ${unit}`;
}
