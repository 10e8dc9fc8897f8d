import { describeLabs } from './lab-content.ts';

/**
 * Every SQL lab's solution passes on every dataset and every wrong answer fails, on PGlite (tests/unit/labs/lab-content.ts).
 * Half the labs here, half in labs-sql-2.test.ts: each run opens new databases, and two files share the two cores.
 */
describeLabs('sql', { part: 0, of: 2 });
