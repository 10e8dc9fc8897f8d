/** The sql kind's one public entry: what the rest of the site uses of it. */
export { serveSqlLabs } from './sql-server.ts';
