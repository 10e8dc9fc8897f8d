/**
 * How values cross between PGlite on the host and the handler in the engine, as JSON text: dates as
 * `{ "$date": iso }` (revived as Date inside), bytes as Postgres prints them, big integers as numbers when exact.
 */
/** Values for the engine: dates as { $date }, bytes as Postgres prints them, anything JSON can hold as it is. */
export const toJson = (value: unknown) =>
  JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? null : raw.toISOString() };
    if (raw instanceof Uint8Array) return `\\x${Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
    return v;
  });
export const fromJson = (text: string): unknown[] =>
  JSON.parse(text, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && typeof (v as { $date?: unknown }).$date === 'string'
      ? new Date((v as { $date: string }).$date)
      : v,
  ) as unknown[];

/** A Postgres error's fields a handler may read, as node-postgres gives them. */
export const errorFields = (error: unknown): Record<string, string> => {
  const e = error as Record<string, unknown>;
  const pick = ['message', 'code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema'];
  return Object.fromEntries(pick.filter((k) => typeof e[k] === 'string').map((k) => [k, e[k] as string]));
};
