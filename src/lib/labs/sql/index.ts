/** The sql kind's one public entry: what the rest of the site uses of it. */
export { serveSqlLabs } from './sql-server.ts';
/** What its checks say of a run, in English: the dictionary's `sqlRun` (src/i18n/dictionary/). */
export { SQL_RUN_WORDS } from './sql-words.ts';
