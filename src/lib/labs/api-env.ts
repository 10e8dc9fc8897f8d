/**
 * What an API lab's handler gets in `env`, as the page lists it beside the editor (ApiEnv.astro): one list, here,
 * of what the sandbox (api-sandbox.ts) builds, with each member's signature and meaning. A unit test reads the
 * `env` the sandbox really hands a handler and requires the same members, so the list cannot drift from it.
 */

/** One member of `env` as the learner reads it. */
export interface EnvMember {
  /** Its path under env: "db.query", "now", "JWT_SECRET". */
  name: string;
  /** How it is called or read, with what it returns. */
  signature: string;
  /** What it does, in a sentence. */
  meaning: string;
}

/** What every API lab's `env` offers, whatever the lab. */
export const ENV_MEMBERS: readonly EnvMember[] = [
  {
    name: 'db.query',
    signature: 'env.db.query(sql, params?) → Promise<{ rows, rowCount, fields }>',
    meaning:
      "Runs one SQL statement on the lab's Postgres, with $1, $2 … bound to params; rows are objects keyed by column name. A failing statement rejects with an error carrying the code, detail and constraint that Postgres reports.",
  },
  {
    name: 'db.transaction',
    signature: 'env.db.transaction(async (db) => …) → Promise<what your function returns>',
    meaning:
      'Runs your function between BEGIN and COMMIT, passing it the same db; if the function throws, it rolls back and the promise rejects.',
  },
  {
    name: 'now',
    signature: 'env.now() → number',
    meaning:
      "The lab's clock, in milliseconds since 1970; Date.now() and new Date() read it too, and tests move it on.",
  },
];

/** Characters of a setting's value shown beside its name. */
const SHOWN_VALUE = 60;

/** The members of one lab's `env`: the common ones, then each of the lab's settings, a string. */
export function envMembers(settings: Record<string, string>): EnvMember[] {
  const own = Object.entries(settings).map(([name, value]) => ({
    name,
    signature: `env.${name} → string`,
    meaning: `A setting of this lab: "${value.length > SHOWN_VALUE ? `${value.slice(0, SHOWN_VALUE)}…` : value}".`,
  }));
  return [...ENV_MEMBERS, ...own];
}
